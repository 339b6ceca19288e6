/**
 * A real SMTP server on 127.0.0.1 (smtp-server) that parses every message it accepts with
 * mailparser. Faults can be switched on: refuse with 4xx or 5xx, or drop the connection, for a
 * share of the deliveries. Used by the mail tests and by `npm run dev:mail`.
 */
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";

export interface CaughtMail {
  envelopeTo: string[];
  parsed: ParsedMail;
  raw: string;
  atMs: number;
}

export interface CatcherOptions {
  port?: number;
  /** Share of deliveries (0..1) that fail: a third each 451, 554, and a dropped connection. */
  faultRate?: number;
  random?: () => number;
  onMail?: (mail: CaughtMail) => void;
}

export interface SmtpCatcher {
  port: number;
  url: string;
  mails: CaughtMail[];
  faults: { tempfail: number; permfail: number; dropped: number };
  close(): Promise<void>;
}

export async function startSmtpCatcher(opts: CatcherOptions = {}): Promise<SmtpCatcher> {
  const mails: CaughtMail[] = [];
  const faults = { tempfail: 0, permfail: 0, dropped: 0 };
  const random = opts.random ?? Math.random;
  const server = new SMTPServer({
    // Plain SMTP on loopback: no certificate to trust, and no STARTTLS to offer.
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        const roll = random();
        const rate = opts.faultRate ?? 0;
        if (roll < rate / 3) {
          faults.tempfail++;
          return callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
        }
        if (roll < (2 * rate) / 3) {
          faults.permfail++;
          return callback(Object.assign(new Error("Transaction failed"), { responseCode: 554 }));
        }
        if (roll < rate) {
          faults.dropped++;
          // The message is not accepted: the connection goes before the answer.
          const connections = (server as unknown as { connections: Set<{ session: SMTPServerSession; _socket: { destroy(): void } }> }).connections;
          for (const c of connections) if (c.session === session) c._socket.destroy();
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        const mail: CaughtMail = { envelopeTo: session.envelope.rcptTo.map((r) => r.address), parsed: await simpleParser(raw), raw, atMs: Date.now() };
        mails.push(mail);
        opts.onMail?.(mail);
        callback();
      });
    },
  });
  // Dropped connections surface as socket errors; they are the point, not a failure of the test.
  server.on("error", () => {});
  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve((server.server.address() as { port: number }).port));
  });
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    mails,
    faults,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
