import type { Insertable, Selectable } from "kysely";
import type * as C from "./tables/consultations.js";
import type * as D from "./tables/delivery.js";
import type * as Dir from "./tables/directory.js";
import type * as S from "./tables/sign-in.js";

/**
 * The database as Kysely sees it, mirroring migrations/*.sql. Booleans are 0/1, JSON arrays are
 * text. The table types live in ./tables/, one file per part of the service; a new table adds its
 * type there and one line here.
 */
export type * from "./tables/consultations.js";
export type * from "./tables/delivery.js";
export type * from "./tables/directory.js";
export type * from "./tables/sign-in.js";

export interface DB {
  // The directory
  organisations: Dir.OrganisationsTable;
  experts: Dir.ExpertsTable;
  dev_groups: Dir.DevGroupsTable;
  group_members: Dir.GroupMembersTable;
  api_tokens: Dir.ApiTokensTable;
  themes: Dir.ThemesTable;
  programmes: Dir.ProgrammesTable;
  // Consultations and what belongs to them
  topics: C.TopicsTable;
  briefs: C.BriefsTable;
  brief_questions: C.BriefQuestionsTable;
  consultations: C.ConsultationsTable;
  proposed_slots: C.ProposedSlotsTable;
  expert_links: C.ExpertLinksTable;
  meetings: C.MeetingsTable;
  consultation_events: C.ConsultationEventsTable;
  consultation_programmes: C.ConsultationProgrammesTable;
  anonymised_consultations: C.AnonymisedConsultationsTable;
  form_submissions: C.FormSubmissionsTable;
  evaluations: C.EvaluationsTable;
  // Records and deliveries
  audit_entries: D.AuditEntriesTable;
  outbox: D.OutboxTable;
  webhook_endpoints: D.WebhookEndpointsTable;
  webhook_deliveries: D.WebhookDeliveriesTable;
  mail_messages: D.MailMessagesTable;
  // Sign-in
  sessions: S.SessionsTable;
  sign_in_identities: S.SignInIdentitiesTable;
  oidc_flows: S.OidcFlowsTable;
  email_sign_in_links: S.EmailSignInLinksTable;
  rate_limit_counters: S.RateLimitCountersTable;
  security_events: S.SecurityEventsTable;
}

export type ConsultationRow = Selectable<C.ConsultationsTable>;
export type SlotRow = Selectable<C.ProposedSlotsTable>;
export type MeetingRow = Selectable<C.MeetingsTable>;
export type NewAuditEntry = Insertable<D.AuditEntriesTable>;
