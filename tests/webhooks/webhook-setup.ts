/**
 * An app over SQLite whose webhooks go, through the Node transport, to a real receiver on
 * 127.0.0.1. The app's clock is controlled; Date is faked in step with it, because the receiver's
 * standardwebhooks verify() compares webhook-timestamp with Date.now() (5 minutes' tolerance).
 */
import { expect, vi } from "vitest";
import { testApp, TEST_NOW, type TestApp } from "../helpers/test-app.js";
import { nodeTransport } from "../../src/webhooks/node-transport.js";
import { runWebhooks } from "../../src/webhooks/webhook-runner.js";
import { startReceiver, type Receiver } from "./receiver.js";

/** A fixed test server key (32 bytes, base64url): invented for tests, never used elsewhere. */
export const TEST_SECRET_KEY = "dGVzdC1rZXktZm9yLXNhbXJhZC13ZWJob29rcy0wMDE";

export interface WebhookWorld {
  t: TestApp;
  receiver: Receiver;
  /** Moves the app's clock and Date together. */
  setNow(iso: string): void;
  advanceMinutes(m: number): void;
  /** Registers an endpoint for the receiver and remembers its secret; checks the 201. */
  register(events?: string[]): Promise<{ id: string; secret: string }>;
  /** One round of the runner, as the background tick does it. */
  run(): ReturnType<typeof runWebhooks>;
  close(): Promise<void>;
}

export async function webhookWorld(opts: { env?: Record<string, string>; databasePath?: string } = {}): Promise<WebhookWorld> {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date(TEST_NOW) });
  const t = await testApp({
    env: { SECRET_KEY: TEST_SECRET_KEY, WEBHOOK_ALLOW_LOOPBACK: "true", WEBHOOK_TIMEOUT_MS: "1000", ...opts.env },
    webhookTransport: nodeTransport,
    databasePath: opts.databasePath,
  });
  const receiver = await startReceiver();
  const setNow = (iso: string) => {
    t.clock.set(iso);
    vi.setSystemTime(new Date(iso));
  };
  return {
    t,
    receiver,
    setNow,
    advanceMinutes: (m) => setNow(new Date(t.clock.now().getTime() + m * 60_000).toISOString()),
    async register(events = ["*"]) {
      const res = await t.call("POST", "/api/webhooks", { token: t.coordinator, body: { url: receiver.url, events } });
      expect(res.status, res.text).toBe(201);
      receiver.secrets.push(res.body.secret);
      return { id: res.body.id, secret: res.body.secret };
    },
    run: () => runWebhooks(t.deps),
    async close() {
      await receiver.close();
      await t.close();
      vi.useRealTimers();
    },
  };
}

/** The endpoint as GET /api/webhooks shows it. */
export async function listed(t: TestApp, id: string) {
  const res = await t.call("GET", "/api/webhooks", { token: t.coordinator });
  expect(res.status, res.text).toBe(200);
  return (res.body.items as { id: string; state: string; pendingDeliveries: number; failedDeliveries: number; lastSuccessAt: string | null; lastFailureAt: string | null }[]).find(
    (e) => e.id === id,
  );
}
