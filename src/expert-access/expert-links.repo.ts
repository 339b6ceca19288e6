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

/** The statuses in which the expert still needs their link, so a new one may be issued. */
const REISSUABLE = ["requested", "confirmed"] as const;

const reissuable = (db: Kysely<DB>, consultationId: string, groupId: string) =>
  db.selectFrom("consultations").where("id", "=", consultationId).where("groupId", "=", groupId).where("status", "in", REISSUABLE);

/**
 * For one atomic batch: end every link of the consultation, store a new one and audit it, each
 * only while the consultation is the group's and still requested or confirmed.
 */
export function reissueLinkWrites(
  db: Kysely<DB>,
  input: { consultationId: string; groupId: string; memberId: string; secretHash: string; secretSealed: string | null; issuedAt: Date },
) {
  const at = input.issuedAt.toISOString();
  const expiresAt = new Date(input.issuedAt.getTime() + EXPERT_LINK_DAYS * 86_400_000).toISOString();
  const scope = reissuable(db, input.consultationId, input.groupId);
  return [
    db
      .updateTable("expert_links")
      .set({ revokedAt: at })
      .where("consultationId", "=", input.consultationId)
      .where("revokedAt", "is", null)
      .where((eb) => eb.exists(scope.select("id")))
      .compile(),
    db
      .insertInto("expert_links")
      .columns(["id", "consultationId", "secretHash", "secretSealed", "issuedAt", "expiresAt"])
      .expression(
        scope.select([
          sql<string>`lower(hex(randomblob(16)))`.as("id"),
          "id as consultationId",
          sql<string>`${input.secretHash}`.as("secretHash"),
          sql<string | null>`${input.secretSealed}`.as("secretSealed"),
          sql<string>`${at}`.as("issuedAt"),
          sql<string>`${expiresAt}`.as("expiresAt"),
        ]),
      )
      .compile(),
    db
      .insertInto("audit_entries")
      .columns(["at", "actorType", "actorId", "action", "entityType", "entityId", "detail"])
      .expression(
        scope.select([
          sql<string>`${at}`.as("at"),
          sql<string>`${"member"}`.as("actorType"),
          sql<string>`${input.memberId}`.as("actorId"),
          sql<string>`${"expert_link.reissued"}`.as("action"),
          sql<string>`${"consultation"}`.as("entityType"),
          "id as entityId",
          sql<string | null>`${null}`.as("detail"),
        ]),
      )
      .compile(),
  ];
}

/** The link of a consultation that has not been ended (a new link ends the earlier ones). */
export async function newestLiveLink(db: Kysely<DB>, consultationId: string) {
  return db
    .selectFrom("expert_links")
    .select(["secretSealed", "expiresAt", "revokedAt"])
    .where("consultationId", "=", consultationId)
    .where("revokedAt", "is", null)
    .orderBy("issuedAt", "desc")
    .executeTakeFirst();
}
