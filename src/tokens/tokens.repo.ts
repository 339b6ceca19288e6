import { afterKey, toPage, type Page, type PageRequest } from "../lib/paging.js";
import type { Kysely, Selectable } from "kysely";
import { DEFAULT_TOKEN_TTL_DAYS } from "../config.js";
import type { ApiTokensTable, DB } from "../db/schema.js";
import { hashSecret, newId, newSecret } from "../lib/secrets.js";

export interface IssuedToken {
  id: string;
  /** The token itself: shown once, never stored. */
  token: string;
  expiresAt: string;
}

export async function issueToken(
  db: Kysely<DB>,
  input: { role: "coordinator" | "member"; label: string; memberId?: string; now: string; expiresAt?: string },
): Promise<IssuedToken> {
  // Callers with deps use issueApiToken (the TTL setting); bare scripts and test helpers get the default.
  const expiresAt = input.expiresAt ?? new Date(Date.parse(input.now) + DEFAULT_TOKEN_TTL_DAYS * 86_400_000).toISOString();
  const token = newSecret(input.role === "coordinator" ? "smr_c" : "smr_m");
  const id = newId();
  await db
    .insertInto("api_tokens")
    .values({
      id,
      tokenHash: await hashSecret(token),
      role: input.role,
      memberId: input.memberId ?? null,
      label: input.label,
      createdAt: input.now,
      revokedAt: null,
      expiresAt,
      lastUsedAt: null,
    })
    .execute();
  return { id, token, expiresAt };
}

/** A coordinator token that still works: without one, the server makes the first at start. */
export async function hasCoordinator(db: Kysely<DB>, now: string): Promise<boolean> {
  const row = await db
    .selectFrom("api_tokens")
    .select("id")
    .where("role", "=", "coordinator")
    .where("revokedAt", "is", null)
    .where((eb) => eb.or([eb("expiresAt", "is", null), eb("expiresAt", ">", now)]))
    .executeTakeFirst();
  return row !== undefined;
}

export async function findTokenByHash(db: Kysely<DB>, hash: string) {
  return db
    .selectFrom("api_tokens")
    .leftJoin("group_members", "group_members.id", "api_tokens.memberId")
    .select([
      "api_tokens.id",
      "api_tokens.tokenHash",
      "api_tokens.role",
      "api_tokens.memberId",
      "api_tokens.revokedAt",
      "api_tokens.expiresAt",
      "api_tokens.lastUsedAt",
      "group_members.groupId",
    ])
    .where("api_tokens.tokenHash", "=", hash)
    .executeTakeFirst();
}

/** Conditional, so processes that see the same token in the same minute write it once. */
export async function touchToken(db: Kysely<DB>, id: string, now: string, unlessSince: string): Promise<void> {
  await db
    .updateTable("api_tokens")
    .set({ lastUsedAt: now })
    .where("id", "=", id)
    .where((eb) => eb.or([eb("lastUsedAt", "is", null), eb("lastUsedAt", "<=", unlessSince)]))
    .execute();
}

export type TokenRow = Omit<Selectable<ApiTokensTable>, "tokenHash">;

const NEWEST_FIRST = [{ column: "createdAt", desc: true }, { column: "id" }];

/** One page of tokens, newest first. */
export async function listTokens(db: Kysely<DB>, page: PageRequest): Promise<Page<TokenRow>> {
  let q = db
    .selectFrom("api_tokens")
    .select(["id", "label", "role", "memberId", "createdAt", "lastUsedAt", "expiresAt", "revokedAt"])
    .orderBy("createdAt", "desc")
    .orderBy("id")
    .limit(page.limit + 1);
  if (page.after) q = q.where(afterKey(NEWEST_FIRST, page.after));
  return toPage("tokens", await q.execute(), page.limit, (t) => [t.createdAt, t.id]);
}

export async function findToken(db: Kysely<DB>, id: string): Promise<TokenRow | undefined> {
  return db
    .selectFrom("api_tokens")
    .select(["id", "label", "role", "memberId", "createdAt", "lastUsedAt", "expiresAt", "revokedAt"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Revokes once: true when this call revoked it, false when it already was. */
export async function revokeTokenRow(db: Kysely<DB>, id: string, now: string): Promise<boolean> {
  const result = await db.updateTable("api_tokens").set({ revokedAt: now }).where("id", "=", id).where("revokedAt", "is", null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
