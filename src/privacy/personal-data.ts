/**
 * Which column holds what kind of personal data: the one list that export, erasure and
 * retention are checked against. tests/privacy/personal-data.test.ts reads every TEXT column of
 * every table from the database and fails for one missing here, so a new column must be
 * classified before it can ship.
 *
 * - name, email: replaced by a placeholder on erasure.
 * - free-text: written by a person; removed on erasure and by the retention sweep.
 * - reference: an id that points to a person; exported, and unlinked where it says who wrote what.
 * - profile: describes the person (languages, themes, zone); exported, kept with the anonymous row.
 * - copy: holds copies of names, addresses and texts (a mail waiting to go out); cleared.
 * - { notPersonal }: why the column holds nothing about a person.
 */
export type PersonalKind = "name" | "email" | "free-text" | "reference" | "profile" | "copy";
export type ColumnClass = PersonalKind | { notPersonal: string };

const id = { notPersonal: "a random id of a thing, not of a person" };
const time = { notPersonal: "an instant" };
const code = { notPersonal: "a code from a closed list" };
const secretHash = { notPersonal: "a secret, hashed or sealed; never exported" };

export const personalData = {
  organisations: {
    id,
    name: { notPersonal: "an organisation's name" },
    country: code,
    website: { notPersonal: "an organisation's website" },
    criteriaNote: { notPersonal: "the coordinator's note on the organisation's selection criteria" },
    createdAt: time,
  },
  experts: {
    id: "reference",
    organisationId: id,
    name: "name",
    email: "email",
    languages: "profile",
    themes: "profile",
    timeZone: "profile",
    createdAt: time,
    erasedAt: time,
    active: code,
    // migrations/0013: the language the expert chose on their page.
    preferredLanguage: "profile",
  },
  dev_groups: {
    id,
    name: { notPersonal: "a development group's name" },
    organisation: { notPersonal: "the group's employer organisation" },
    timeZone: { notPersonal: "the group's zone" },
    country: code,
    createdAt: time,
  },
  group_members: {
    id: "reference",
    groupId: id,
    name: "name",
    email: "email",
    createdAt: time,
    erasedAt: time,
    language: "profile",
    removedAt: time,
  },
  api_tokens: {
    id,
    tokenHash: secretHash,
    role: code,
    memberId: "reference",
    label: { notPersonal: "'member <id>' for members; coordinators label their own tokens" },
    createdAt: time,
    revokedAt: time,
    expiresAt: time,
    lastUsedAt: time,
  },
  // migrations/0006_sign_in.sql: sessions, sign-in links, limits and security events.
  sessions: {
    idHash: secretHash,
    role: code,
    memberId: "reference",
    tokenId: id,
    // A coordinator's address from the COORDINATOR_EMAILS setting: not a directory person; ended sessions are pruned.
    coordinatorKey: { notPersonal: "a coordinator's address as configured in the COORDINATOR_EMAILS setting, not a person in the service's records" },
    method: code,
    createdAt: time,
    lastSeenAt: time,
    expiresAt: time,
    endedAt: time,
  },
  sign_in_identities: {
    issuer: { notPersonal: "the identity provider's address" },
    subject: "reference",
    role: code,
    memberId: "reference",
    coordinatorKey: { notPersonal: "a coordinator's address as configured in the COORDINATOR_EMAILS setting" },
    linkedAt: time,
  },
  oidc_flows: { keyHash: secretHash, state: secretHash, nonce: secretHash, audience: code, expiresAt: time },
  email_sign_in_links: {
    secretHash,
    role: code,
    memberId: "reference",
    coordinatorKey: { notPersonal: "a coordinator's address as configured in the COORDINATOR_EMAILS setting" },
    createdAt: time,
    expiresAt: time,
    usedAt: time,
  },
  rate_limit_counters: { key: secretHash },
  security_events: {
    at: time,
    kind: code,
    method: code,
    actorType: code,
    actorId: "reference",
    // Ids and codes only (security-events): never secrets, addresses or free text.
    detail: "reference",
  },
  topics: {
    id,
    groupId: id,
    title: "free-text",
    theme: { notPersonal: "a theme from the directory's vocabulary; the report groups by it" },
    description: "free-text",
    createdAt: time,
    createdBy: "reference",
  },
  briefs: {
    id,
    topicId: id,
    groupId: id,
    challenge: "free-text",
    language: code,
    createdAt: time,
    createdBy: "reference",
  },
  brief_questions: { briefId: id, text: "free-text" },
  consultations: {
    id,
    groupId: id,
    topicId: id,
    briefId: id,
    expertId: "reference",
    createdBy: "reference",
    status: code,
    confirmedSlotId: id,
    previousStatus: code,
    requestedAt: time,
    confirmedAt: time,
    closedAt: time,
    closeReason: "free-text",
    changeId: id,
    createdAt: time,
    updatedAt: time,
    actualStart: time,
    evaluationClosedAt: time,
    followUpOf: id,
    fundingSource: code,
    // migrations/0013: who proposed the current times, and the group's own meeting link.
    slotsProposedBy: code,
    ownMeetingUrl: { notPersonal: "a meeting link the group made: a meeting room, not a person" },
  },
  proposed_slots: { id, consultationId: id, start: time, end: time },
  expert_links: { id, consultationId: id, secretHash, secretSealed: secretHash, issuedAt: time, expiresAt: time, revokedAt: time },
  // migrations/0011_mail.sql: one row per message, never its text or address (written from the data when sent).
  mail_messages: {
    id,
    messageKey: { notPersonal: "consultation, kind, recipient id and round: ids and codes" },
    consultationId: id,
    kind: code,
    recipientRole: code,
    recipientId: "reference",
    dueAt: time,
    status: code,
    nextAttemptAt: time,
    lockedUntil: time,
    sentAt: time,
    lastError: { notPersonal: "the mail server's error code" },
    createdAt: time,
    updatedAt: time,
  },
  meetings: {
    consultationId: id,
    provider: code,
    externalId: { notPersonal: "the calendar event's id" },
    iCalUId: { notPersonal: "the calendar event's UID" },
    joinUrl: { notPersonal: "the meeting's address" },
    start: time,
    end: time,
    cancelledAt: time,
    createdAt: time,
    updatedAt: time,
  },
  audit_entries: {
    at: time,
    actorType: code,
    actorId: "reference",
    action: code,
    entityType: code,
    entityId: "reference",
    // Ids and codes only (audit.repo.ts), but an id may be a member's.
    detail: "reference",
  },
  outbox: {
    id,
    kind: code,
    consultationId: id,
    payload: "copy",
    status: code,
    nextAttemptAt: time,
    lockedUntil: time,
    lastError: "copy",
    createdAt: time,
    updatedAt: time,
  },
  consultation_events: {
    consultationId: id,
    type: code,
    fromStatus: code,
    toStatus: code,
    actorType: code,
    at: time,
    // migrations/0005: "a small versioned JSON object of ids and codes: never free text or e-mail addresses".
    payload: { notPersonal: "ids and codes of a transition, never free text or addresses" },
    changeId: id,
  },
  webhook_endpoints: {
    id,
    url: { notPersonal: "a receiving system's address, registered by the coordinator" },
    events: code,
    secretSealed: secretHash,
    changeId: id,
    state: code,
    lastSuccessAt: time,
    lastFailureAt: time,
    createdAt: time,
    updatedAt: time,
  },
  webhook_deliveries: {
    id,
    endpointId: id,
    consultationId: id,
    status: code,
    nextAttemptAt: time,
    lockedUntil: time,
    lastError: { notPersonal: "the receiving system's HTTP error" },
    firstAttemptAt: time,
    createdAt: time,
    updatedAt: time,
  },
  evaluations: {
    id,
    consultationId: id,
    side: code,
    authorId: "reference",
    durationFit: code,
    followUpTopic: "free-text",
    learnings: "free-text",
    improvements: "free-text",
    submittedAt: time,
    updatedAt: time,
  },
  accessibility_feedback: {
    id,
    receivedAt: time,
    answerBy: time,
    language: "profile",
    message: "free-text",
    pageUrl: "free-text",
    name: "name",
    email: "email",
    answeredAt: time,
    answerNote: "free-text",
  },
  anonymised_consultations: { consultationId: id, anonymisedAt: time },
  programmes: {
    id,
    name: { notPersonal: "a development programme's name" },
    nameKey: { notPersonal: "a development programme's name in lower case" },
    description: { notPersonal: "what a development programme is about" },
    createdAt: time,
  },
  consultation_programmes: { consultationId: id, programmeId: id, setAt: time },
  // The concept report's own tables (migration 0016): copies of figures, no one's words or names.
  report_consultations: {
    id,
    createdAt: time,
    groupId: id,
    theme: { notPersonal: "a theme of development work" },
    themeKey: { notPersonal: "a theme of development work" },
    country: code,
    programmeId: { notPersonal: "a programme's id, or empty for none" },
    status: code,
    durationBand: code,
    questionBand: code,
    challengeBand: code,
    followUpOf: id,
    fundingSource: code,
  },
  report_cells: {
    theme: { notPersonal: "a theme of development work" },
    country: code,
    programmeId: { notPersonal: "a programme's id, or empty for none" },
    durationBand: code,
    questionBand: code,
    challengeBand: code,
  },
  themes: {
    id,
    key: { notPersonal: "a theme of development work" },
    nameFi: { notPersonal: "a theme's name" },
    nameSv: { notPersonal: "a theme's name" },
    nameEn: { notPersonal: "a theme's name" },
    createdAt: time,
  },
  // migrations/0013: one row per page form that created something (so that a second send creates nothing).
  form_submissions: { formKey: { notPersonal: "a random key of one page form" }, groupId: id, resultId: id, createdAt: time },
  d1_migrations: { name: { notPersonal: "a migration file's name" } },
} as const satisfies Record<string, Record<string, ColumnClass>>;

export type ClassifiedTable = keyof typeof personalData;

/** The columns of a table that hold personal data, with their kind. */
export function personalColumns(table: ClassifiedTable): [string, PersonalKind][] {
  return Object.entries(personalData[table] as Record<string, ColumnClass>).filter(
    (entry): entry is [string, PersonalKind] => typeof entry[1] === "string",
  );
}

/** What a name or an e-mail address becomes on erasure. A fixed text, so nothing of the original remains. */
export const ERASED_NAME = "[erased]";
export const ERASED_EMAIL = "";
