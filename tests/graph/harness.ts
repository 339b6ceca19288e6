import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import type { MeetingRequest } from "../../src/meetings/scheduler.js";
import { GraphFreeBusy } from "../../src/graph/free-busy.js";
import { createGraphApi } from "../../src/graph/graph-client.js";
import { graphConfig, type GraphConfigInput } from "../../src/graph/graph-config.js";
import { GraphMailer } from "../../src/graph/graph-mailer.js";
import { GraphScheduler } from "../../src/graph/graph-scheduler.js";
import { startFakeGraph, type FakeGraph, type FakeGraphOptions } from "../fakes/graph/index.js";

/** A fake Graph plus the real service-side stack (real MSAL, real Graph SDK) pointed at it. */
export interface GraphStack {
  fake: FakeGraph;
  scheduler: GraphScheduler;
  mailer: GraphMailer;
  freeBusy: GraphFreeBusy;
  close(): Promise<void>;
}

export interface StackOptions {
  fake?: FakeGraphOptions;
  /** What the service is configured with, where it should differ from the fake's truth. */
  settings?: Partial<GraphConfigInput>;
  callTimeoutMs?: number;
}

export async function startGraphStack(options: StackOptions = {}): Promise<GraphStack> {
  const tls = inject("fakeGraphTls");
  if (!tls) {
    throw new Error("tests/graph need the globalSetup tests/graph/setup.ts in vitest.config.ts (it makes the trusted certificate)");
  }
  const fake = await startFakeGraph({ tls, ...options.fake });
  const graph = createGraphApi(graphConfig({ ...fake.config, ...options.settings }), {
    callTimeoutMs: options.callTimeoutMs,
  });
  return {
    fake,
    scheduler: new GraphScheduler(graph),
    mailer: new GraphMailer(graph),
    freeBusy: new GraphFreeBusy(graph),
    close: () => fake.close(),
  };
}

/** A consultation's meeting with its own id, so no two tests share a transactionId. */
export function meetingRequest(overrides: Partial<MeetingRequest> = {}): MeetingRequest {
  return {
    consultationId: randomUUID(),
    subject: "Samråd: hur når vi unga vuxna?",
    body: "Utmaning: unga vuxna hittar inte till tjänsten.\nFrågor:\n1. Vilka kanaler fungerar?\n\nLänk: https://samrad.example/c/abc",
    start: "2026-03-02T07:00:00.000Z",
    end: "2026-03-02T07:30:00.000Z",
    attendees: [
      { name: "Aino Virtanen", email: "aino.virtanen@thl.example" },
      { name: "Lars Berg", email: "lars.berg@socialstyrelsen.example" },
    ],
    sequence: 0,
    ...overrides,
  };
}

/** A bearer token straight from the fake's token endpoint, for raw HTTP checks of the fake. */
export async function rawToken(fake: FakeGraph): Promise<string> {
  const form = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: fake.config.clientId,
    client_secret: fake.config.clientSecret,
    scope: "https://graph.microsoft.com/.default",
  });
  const response = await fetch(`${fake.url}/${fake.config.tenantId}/oauth2/v2.0/token`, { method: "POST", body: form });
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}
