import ICAL from "ical.js";
import type { CaughtMail } from "../fakes/smtp/catcher.js";
import type { Logger } from "../../src/lib/log.js";

/** A fixed test server key (SECRET_KEY), invented for tests. */
export const TEST_SECRET_KEY = "dGVzdC1rZXktZm9yLXNhbXJhZC1tYWlsLXRlc3RzLTE";

export interface Invitation {
  method: string;
  uid: string;
  sequence: number;
  description: string;
  url: string;
  attendees: string[];
  organizer: string;
  alarm: string | null;
}

/** The text/calendar part of a caught message, parsed with ical.js. */
export function invitationOf(mail: CaughtMail): Invitation | null {
  const part = mail.parsed.attachments.find((a) => a.contentType.startsWith("text/calendar"));
  if (!part) return null;
  const cal = new ICAL.Component(ICAL.parse(part.content.toString("utf8")));
  const event = cal.getFirstSubcomponent("vevent")!;
  const alarm = event.getFirstSubcomponent("valarm");
  return {
    method: String(cal.getFirstPropertyValue("method")),
    uid: String(event.getFirstPropertyValue("uid")),
    sequence: Number(event.getFirstPropertyValue("sequence")),
    description: String(event.getFirstPropertyValue("description") ?? ""),
    url: String(event.getFirstPropertyValue("url") ?? ""),
    attendees: event.getAllProperties("attendee").map((p) => String(p.getFirstValue()).replace(/^mailto:/i, "")),
    organizer: String(event.getFirstPropertyValue("organizer") ?? "").replace(/^mailto:/i, ""),
    alarm: alarm ? String(alarm.getFirstPropertyValue("trigger")) : null,
  };
}

export const recipient = (m: CaughtMail) => m.envelopeTo[0]!;
export const htmlLang = (m: CaughtMail) => /<html lang="(\w+)"/.exec(String(m.parsed.html))?.[1];

/** A logger that keeps every line, to grep for what must never be logged. */
export function capturingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (msg: string, fields?: Record<string, unknown>) => void lines.push(JSON.stringify({ level, msg, ...fields }));
  return { lines, debug: keep("debug"), info: keep("info"), warn: keep("warn"), error: keep("error") };
}

/** Waits until `check` holds, polling; fails with `what` after the timeout. */
export async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
