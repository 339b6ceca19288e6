import type { Generated } from "kysely";
import type { MailLanguage } from "./delivery.js";

/**
 * The directory's tables: organisations and their experts, development groups and their members,
 * API tokens, and the coordinator's managed lists (themes, programmes). Each interface lists every
 * column, with the migration that added it where it was not the first.
 */
export interface OrganisationsTable {
  id: string;
  name: string;
  country: string;
  website: string | null;
  nationallySignificant: number;
  innovative: number;
  evidenceBased: number;
  criteriaNote: string | null;
  createdAt: string;
}

export interface ExpertsTable {
  id: string;
  organisationId: string;
  name: string;
  email: string;
  /** JSON array of language codes. */
  languages: string;
  /** JSON array of theme keys (see ThemesTable.key). */
  themes: string;
  timeZone: string;
  createdAt: string;
  /** 0007_personal_data: set on erasure; name and email are then placeholders. */
  erasedAt: string | null;
  /** 0012: 0 once deactivated. */
  active: Generated<number>;
  /** 0013_counter_proposals_and_pages */
  preferredLanguage: "fi" | "sv" | "en" | null;
}

export interface DevGroupsTable {
  id: string;
  name: string;
  organisation: string;
  timeZone: Generated<string>;
  country: Generated<string>;
  createdAt: string;
}

export interface GroupMembersTable {
  id: string;
  groupId: string;
  name: string;
  email: string;
  createdAt: string;
  /** 0007_personal_data */
  erasedAt: string | null;
  /** 0011_mail */
  language: Generated<MailLanguage>;
  /** 0012: set when the coordinator removes the member. */
  removedAt: Generated<string | null>;
}

export interface ApiTokensTable {
  id: string;
  tokenHash: string;
  role: "coordinator" | "member";
  memberId: string | null;
  label: string;
  createdAt: string;
  revokedAt: string | null;
  /** 0006_sign_in */
  expiresAt: string | null;
  lastUsedAt: string | null;
}

/** 0015_themes (issue 11): the managed list of themes, named in fi, sv and en. */
export interface ThemesTable {
  id: string;
  /** What topics and experts store: the lower-cased text of the theme. */
  key: string;
  nameFi: string;
  nameSv: string;
  nameEn: string;
  createdAt: string;
}

/** 0015_themes (issue 11): programmes a consultation may belong to. */
export interface ProgrammesTable {
  id: string;
  name: string;
  /** The name in lower case (JavaScript's, which knows Ä, Ö and Å): the unique key. */
  nameKey: string;
  description: string | null;
  createdAt: string;
}
