/** Free/busy of internal mailboxes: Microsoft Graph's getSchedule when a tenant is connected. */
export interface FreeBusyLookup {
  /** false without a tenant: suggestions then respect working hours and holidays only. */
  readonly available: boolean;
  /** Busy intervals (UTC) per e-mail, from one request for all of them. Unknown mailboxes are left out. */
  busy(emails: string[], fromIso: string, toIso: string): Promise<Map<string, { start: string; end: string }[]>>;
}

export const noFreeBusy: FreeBusyLookup = {
  available: false,
  busy: async () => new Map(),
};
