import type { FreeBusyStatus, ScheduleInformation } from "@microsoft/microsoft-graph-types";
import type { GraphApi } from "./graph-client.js";
import { GraphRequestError } from "./graph-errors.js";
import { utcDateTime } from "./graph-scheduler.js";

export interface BusyInterval {
  /** UTC ISO instants with Z. */
  start: string;
  end: string;
  status: "busy" | "tentative" | "oof";
}

// Tentative blocks too: it is a meeting the person may well attend. workingElsewhere
// means available, only not at the office.
const BLOCKING = new Set<FreeBusyStatus>(["busy", "tentative", "oof"]);

/** Free/busy of several mailboxes in one `calendar/getSchedule` request. */
export class GraphFreeBusy {
  constructor(private readonly graph: GraphApi) {}

  /**
   * Busy intervals per email between two UTC instants. An email Graph could not look up
   * (unknown mailbox, other tenant) is left out of the map: unknown is not free.
   *
   * @example const busy = await freeBusy.getSchedule(["a@x.fi"], "2026-03-02T06:00:00Z", "2026-03-02T16:00:00Z", 30);
   */
  async getSchedule(
    emails: string[],
    fromIso: string,
    toIso: string,
    intervalMinutes = 30,
  ): Promise<Map<string, BusyInterval[]>> {
    const result = new Map<string, BusyInterval[]>();
    if (emails.length === 0) return result;
    const answer = await this.graph.call<{ value?: ScheduleInformation[] }>("get schedule", (api) =>
      api(`${this.graph.mailboxPath}/calendar/getSchedule`)
        // Said out loud although UTC is the default: the parsing below depends on it.
        .header("Prefer", 'outlook.timezone="UTC"')
        .post({
          schedules: emails,
          startTime: utcDateTime(fromIso),
          endTime: utcDateTime(toIso),
          availabilityViewInterval: intervalMinutes,
        }),
    );
    for (const schedule of answer.value ?? []) {
      if (!schedule.scheduleId || schedule.error) continue;
      const busy: BusyInterval[] = [];
      for (const item of schedule.scheduleItems ?? []) {
        if (!item.status || !BLOCKING.has(item.status)) continue;
        busy.push({
          start: fromGraphUtc(item.start?.dateTime),
          end: fromGraphUtc(item.end?.dateTime),
          status: item.status as BusyInterval["status"],
        });
      }
      result.set(schedule.scheduleId, busy);
    }
    return result;
  }
}

/** "2026-03-02T09:00:00.0000000" (UTC, as Graph writes it) -> "2026-03-02T09:00:00.000Z". */
function fromGraphUtc(dateTime: string | null | undefined): string {
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?$/.exec(dateTime ?? "");
  if (!match) {
    throw new GraphRequestError({
      operation: "get schedule",
      status: null,
      code: "UnexpectedResponse",
      message: `unreadable schedule time ${JSON.stringify(dateTime)}`,
      retryable: false,
    });
  }
  const millis = (match[2] ?? ".000").slice(0, 4).padEnd(4, "0");
  return `${match[1]}${millis}Z`;
}
