/**
 * A real HTTP receiver on 127.0.0.1 that verifies every delivery with the standardwebhooks
 * package, as an integrator's endpoint would. `answer` decides each reply: a status, or "hang"
 * (never answers, until close()).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export interface Received {
  webhookId: string;
  timestamp: number;
  body: string;
  event: { type: string; timestamp: string; data: Record<string, unknown> & { consultationId: string; eventId: number } };
  /** Which of the secrets (index into `secrets`) verified it; -1 when none did. */
  verifiedBy: number;
  answered: number | "hang";
}

export interface Receiver {
  url: string;
  /** Every request that arrived, in arrival order (repeats included). */
  received: Received[];
  /** Secrets tried in turn; set after registering (and again after rotating). */
  secrets: string[];
  answer: (r: Received) => number | "hang";
  /** Resolves when `count` requests have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

function verify(secrets: string[], body: string, headers: Record<string, string>): number {
  return secrets.findIndex((secret) => {
    try {
      new Webhook(secret).verify(body, headers);
      return true;
    } catch {
      return false;
    }
  });
}

export async function startReceiver(): Promise<Receiver> {
  const hanging = new Set<ServerResponse>();
  const receiver: Receiver = {
    url: "",
    received: [],
    secrets: [],
    answer: () => 200,
    async waitFor(count, timeoutMs = 20_000) {
      const until = performance.now() + timeoutMs;
      while (receiver.received.length < count) {
        if (performance.now() > until) throw new Error(`expected ${count} deliveries, got ${receiver.received.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () =>
      new Promise((resolve) => {
        for (const res of hanging) res.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      const headers = {
        "webhook-id": String(req.headers["webhook-id"] ?? ""),
        "webhook-timestamp": String(req.headers["webhook-timestamp"] ?? ""),
        "webhook-signature": String(req.headers["webhook-signature"] ?? ""),
      };
      const r: Received = {
        webhookId: headers["webhook-id"],
        timestamp: Number(headers["webhook-timestamp"]),
        body,
        event: JSON.parse(body),
        verifiedBy: verify(receiver.secrets, body, headers),
        answered: 200,
      };
      r.answered = receiver.answer(r);
      receiver.received.push(r);
      if (r.answered === "hang") {
        hanging.add(res);
        return;
      }
      res.writeHead(r.answered, { "content-type": "text/plain" }).end("answer body the sender must not keep");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/samrad`;
  return receiver;
}

/** The deliveries that count: one per webhook-id (a repeat of the same id is the same delivery). */
export function distinctDeliveries(received: Received[]): Received[] {
  const seen = new Map<string, Received>();
  for (const r of received) if (!seen.has(r.webhookId)) seen.set(r.webhookId, r);
  return [...seen.values()];
}
