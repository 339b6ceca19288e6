import type { Insertable, Kysely } from "kysely";
import type { DB, EmailSignInLinksTable, OidcFlowsTable, SignInIdentitiesTable } from "../db/schema.js";

/** The earliest member with this address (addresses are stored lower-case). */
export async function findMemberIdByEmail(db: Kysely<DB>, email: string): Promise<string | null> {
  const row = await db
    .selectFrom("group_members")
    .select("id")
    .where("email", "=", email.toLowerCase())
    .orderBy("createdAt")
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function findIdentity(db: Kysely<DB>, issuer: string, subject: string, role: "member" | "coordinator") {
  return db
    .selectFrom("sign_in_identities")
    .select(["memberId", "coordinatorKey"])
    .where("issuer", "=", issuer)
    .where("subject", "=", subject)
    .where("role", "=", role)
    .executeTakeFirst();
}

/** Links once: a second sign-in of the same person finds the link and changes nothing. */
export async function linkIdentity(db: Kysely<DB>, row: Insertable<SignInIdentitiesTable>): Promise<void> {
  await db.insertInto("sign_in_identities").values(row).onConflict((oc) => oc.doNothing()).execute();
}

export async function insertOidcFlow(db: Kysely<DB>, row: Insertable<OidcFlowsTable>): Promise<void> {
  await db.insertInto("oidc_flows").values(row).execute();
}

/** Takes the flow once: a second callback with the same browser cookie finds nothing. */
export async function takeOidcFlow(db: Kysely<DB>, keyHash: string, now: string) {
  return db
    .deleteFrom("oidc_flows")
    .where("keyHash", "=", keyHash)
    .where("expiresAt", ">", now)
    .returning(["state", "nonce", "audience"])
    .executeTakeFirst();
}

export async function insertEmailLink(db: Kysely<DB>, row: Insertable<EmailSignInLinksTable>): Promise<void> {
  await db.insertInto("email_sign_in_links").values(row).execute();
}

export async function findLiveEmailLink(db: Kysely<DB>, secretHash: string, now: string) {
  return db
    .selectFrom("email_sign_in_links")
    .select(["role", "memberId", "coordinatorKey"])
    .where("secretHash", "=", secretHash)
    .where("usedAt", "is", null)
    .where("expiresAt", ">", now)
    .executeTakeFirst();
}

/** One conditional statement: of two clicks at once, exactly one gets the link. */
export async function useEmailLink(db: Kysely<DB>, secretHash: string, now: string) {
  return db
    .updateTable("email_sign_in_links")
    .set({ usedAt: now })
    .where("secretHash", "=", secretHash)
    .where("usedAt", "is", null)
    .where("expiresAt", ">", now)
    .returning(["role", "memberId", "coordinatorKey"])
    .executeTakeFirst();
}

export async function pruneSignInState(db: Kysely<DB>, now: string, before: string): Promise<void> {
  await db.deleteFrom("oidc_flows").where("expiresAt", "<", now).execute();
  await db.deleteFrom("email_sign_in_links").where("expiresAt", "<", before).execute();
}
