import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { hashSecret, newId, newSecret } from "../lib/secrets.js";

export interface IssuedToken {
  id: string;
  /** The token itself: shown once, never stored. */
  token: string;
}

export async function issueToken(
  db: Kysely<DB>,
  input: { role: "coordinator" | "member"; label: string; memberId?: string; now: string },
): Promise<IssuedToken> {
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
    })
    .execute();
  return { id, token };
}

export async function hasCoordinator(db: Kysely<DB>): Promise<boolean> {
  const row = await db
    .selectFrom("api_tokens")
    .select("id")
    .where("role", "=", "coordinator")
    .where("revokedAt", "is", null)
    .executeTakeFirst();
  return row !== undefined;
}
