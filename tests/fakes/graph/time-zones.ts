import { DateTime } from "luxon";
import type { IncomingHttpHeaders } from "node:http";

/**
 * The IANA names Graph's calendar accepts ("Additional time zones" on the
 * dateTimeTimeZone page). Europe/Helsinki, Stockholm, Oslo and Copenhagen are NOT here.
 */
const GRAPH_IANA_ZONES = new Set(
  `Etc/GMT+12 Etc/GMT+11 Pacific/Honolulu America/Anchorage America/Santa_Isabel America/Los_Angeles
  America/Phoenix America/Chihuahua America/Denver America/Guatemala America/Chicago America/Mexico_City
  America/Regina America/Bogota America/New_York America/Indiana/Indianapolis America/Caracas
  America/Asuncion America/Halifax America/Cuiaba America/La_Paz America/Santiago America/St_Johns
  America/Sao_Paulo America/Argentina/Buenos_Aires America/Cayenne America/Godthab America/Montevideo
  America/Bahia Etc/GMT+2 Atlantic/Azores Atlantic/Cape_Verde Africa/Casablanca Etc/GMT Europe/London
  Atlantic/Reykjavik Europe/Berlin Europe/Budapest Europe/Paris Europe/Warsaw Africa/Lagos Africa/Windhoek
  Europe/Bucharest Asia/Beirut Africa/Cairo Asia/Damascus Africa/Johannesburg Europe/Kiev Europe/Istanbul
  Asia/Jerusalem Asia/Amman Asia/Baghdad Europe/Kaliningrad Asia/Riyadh Africa/Nairobi Asia/Tehran
  Asia/Dubai Asia/Baku Europe/Moscow Indian/Mauritius Asia/Tbilisi Asia/Yerevan Asia/Kabul Asia/Karachi
  Asia/Tashkent Asia/Kolkata Asia/Colombo Asia/Kathmandu Asia/Almaty Asia/Dhaka Asia/Yekaterinburg
  Asia/Rangoon Asia/Bangkok Asia/Novosibirsk Asia/Shanghai Asia/Krasnoyarsk Asia/Singapore Australia/Perth
  Asia/Taipei Asia/Ulaanbaatar Asia/Irkutsk Asia/Tokyo Asia/Seoul Australia/Adelaide Australia/Darwin
  Australia/Brisbane Australia/Sydney Pacific/Port_Moresby Australia/Hobart Asia/Yakutsk
  Pacific/Guadalcanal Asia/Vladivostok Pacific/Auckland Etc/GMT-12 Pacific/Fiji Asia/Magadan
  Pacific/Tongatapu Pacific/Apia Pacific/Kiritimati`.split(/\s+/),
);

/**
 * Windows zone names the fake can convert (Windows name -> IANA rules). Graph accepts
 * every Windows name; this is the subset a Nordic service and its tests meet.
 */
const WINDOWS_ZONES: Record<string, string> = {
  UTC: "UTC",
  "GMT Standard Time": "Europe/London",
  "Greenwich Standard Time": "Atlantic/Reykjavik",
  "W. Europe Standard Time": "Europe/Berlin",
  "Central Europe Standard Time": "Europe/Budapest",
  "Central European Standard Time": "Europe/Warsaw",
  "Romance Standard Time": "Europe/Paris",
  "FLE Standard Time": "Europe/Helsinki",
  "GTB Standard Time": "Europe/Bucharest",
  "E. Europe Standard Time": "Europe/Chisinau",
  "Kaliningrad Standard Time": "Europe/Kaliningrad",
  "Russian Standard Time": "Europe/Moscow",
  "Turkey Standard Time": "Europe/Istanbul",
  "Greenland Standard Time": "America/Godthab",
  "Azores Standard Time": "Atlantic/Azores",
  "Eastern Standard Time": "America/New_York",
  "Central Standard Time": "America/Chicago",
  "Mountain Standard Time": "America/Denver",
  "Pacific Standard Time": "America/Los_Angeles",
  "India Standard Time": "Asia/Kolkata",
  "China Standard Time": "Asia/Shanghai",
  "Tokyo Standard Time": "Asia/Tokyo",
  "AUS Eastern Standard Time": "Australia/Sydney",
};

export type ZoneCheck = { ok: true; iana: string } | { ok: false; code: string; message: string };

/** How Graph's calendar reacts to a dateTimeTimeZone.timeZone value. */
export function resolveGraphZone(name: string): ZoneCheck {
  const windows = WINDOWS_ZONES[name];
  if (windows) return { ok: true, iana: windows };
  if (GRAPH_IANA_ZONES.has(name)) return { ok: true, iana: name };
  if (name.includes("/")) {
    // What Graph answers for an IANA name off its list, e.g. Europe/Helsinki.
    return { ok: false, code: "ErrorPropertyValidationFailure", message: "At least one property failed validation." };
  }
  return {
    ok: false,
    code: "TimeZoneNotSupportedException",
    message: `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${name}'.${
      name.endsWith("Standard Time") ? " [fake Graph: add this Windows zone to WINDOWS_ZONES]" : ""
    }`,
  };
}

export type InstantCheck = { ok: true; ms: number; zone: string } | { ok: false; code: string; message: string };

/** Reads {dateTime, timeZone} as Graph does: dateTime is wall-clock time in timeZone. */
export function parseDateTimeTimeZone(value: unknown, field: string): InstantCheck {
  const invalid = (detail: string): InstantCheck => ({
    ok: false,
    code: "ErrorPropertyValidationFailure",
    message: `At least one property failed validation. [fake Graph: ${field} ${detail}]`,
  });
  if (!value || typeof value !== "object") return invalid("is required");
  const { dateTime, timeZone } = value as { dateTime?: unknown; timeZone?: unknown };
  if (typeof timeZone !== "string" || timeZone === "") return invalid("needs a timeZone");
  const zone = resolveGraphZone(timeZone);
  if (!zone.ok) return zone;
  // A trailing Z is not an offset to Graph: the time is read in timeZone regardless.
  const wallClock = typeof dateTime === "string" ? dateTime.replace(/Z$/, "") : "";
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,7})?)?$/.test(wallClock)) {
    return invalid(`has an unreadable dateTime ${JSON.stringify(dateTime)}`);
  }
  const parsed = DateTime.fromISO(wallClock.replace(/(\.\d{3})\d+$/, "$1"), { zone: zone.iana });
  if (!parsed.isValid) return invalid(`has an invalid dateTime ${JSON.stringify(dateTime)}`);
  return { ok: true, ms: parsed.toMillis(), zone: timeZone };
}

/** Graph's output form: "2026-03-02T09:00:00.0000000" in the given zone, no Z. */
export function formatDateTimeTimeZone(ms: number, zoneName: string): { dateTime: string; timeZone: string } {
  const zone = resolveGraphZone(zoneName);
  const iana = zone.ok ? zone.iana : "UTC";
  const local = DateTime.fromMillis(ms, { zone: iana });
  return { dateTime: `${local.toFormat("yyyy-LL-dd'T'HH:mm:ss.SSS")}0000`, timeZone: zone.ok ? zoneName : "UTC" };
}

/** The zone of `Prefer: outlook.timezone="..."`; UTC without one, as Graph does. */
export function preferredZone(headers: IncomingHttpHeaders): string {
  const match = /outlook\.timezone\s*=\s*"([^"]+)"/i.exec(String(headers.prefer ?? ""));
  return match?.[1] ?? "UTC";
}

/** `Prefer: outlook.body-content-type="text"` asks for the body as text instead of HTML. */
export function prefersTextBody(headers: IncomingHttpHeaders): boolean {
  return /outlook\.body-content-type\s*=\s*"?text"?/i.test(String(headers.prefer ?? ""));
}
