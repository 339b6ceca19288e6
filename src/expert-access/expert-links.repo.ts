import { sql, type Kysely } from "kysely";
import { changedConsultations } from "../db/changed-consultations.js";
import type { DB } from "../db/schema.js";

/** An expert's link works for 60 days after it was issued (and until the consultation closes). */
export const EXPERT_LINK_DAYS = 60;

export const expertLinkUrl = (publicBaseUrl: string, secret: string) => `${publicBaseUrl}/e/${secret}`;

/** For an atomic batch: store the link's hash only if the request in the same batch happened. */
export function expertLinkInsert(db: Kysely<DB>, input: { consultationId: string; changeId: string; secretHash: string; secretSealed: string | null; issuedAt: Date }) {
  const expiresAt = new Date(input.issuedAt.getTime() + EXPERT_LINK_DAYS * 86_400_000).toISOString();
  return db
    .insertInto("expert_links")
    .columns(["id", "consultationId", "secretHash", "secretSealed", "issuedAt", "expiresAt"])
    .expression(
      changedConsultations(db, input).select([
        sql<string>`lower(hex(randomblob(16)))`.as("id"),
        "consultations.id as consultationId",
        sql<string>`${input.secretHash}`.as("secretHash"),
        sql<string | null>`${input.secretSealed}`.as("secretSealed"),
        sql<string>`${input.issuedAt.toISOString()}`.as("issuedAt"),
        sql<string>`${expiresAt}`.as("expiresAt"),
      ]),
    )
    .compile();
}

export async function findLinkByHash(db: Kysely<DB>, secretHash: string) {
  return db
    .selectFrom("expert_links")
    .select(["id", "consultationId", "secretHash", "expiresAt", "revokedAt"])
    .where("secretHash", "=", secretHash)
    .executeTakeFirst();
}
