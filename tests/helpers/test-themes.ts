import type { Kysely } from "kysely";
import type { DB } from "../../src/db/schema.js";
import { themeKey } from "../../src/themes/themes.service.js";

/**
 * The themes the tests' topics and experts name: topics and experts choose from the managed list,
 * so a test database starts with these on it (testApp and startServedApp insert them with
 * `insertTestThemes`; a server in another process gets them through POST /api/themes with
 * `addTestThemes`).
 */
export const TEST_THEMES = [
  { nameEn: "Child protection", nameFi: "Lastensuojelu", nameSv: "Barnskydd" },
  { nameEn: "Preventive family work", nameFi: "Ennaltaehkäisevä perhetyö", nameSv: "Förebyggande familjearbete" },
  { nameEn: "Elderly care", nameFi: "Ikääntyneiden palvelut", nameSv: "Äldreomsorg" },
  { nameEn: "Disability services", nameFi: "Vammaispalvelut", nameSv: "Funktionshinderservice" },
  { nameEn: "Youth services", nameFi: "Nuorisopalvelut", nameSv: "Ungdomstjänster" },
  { nameEn: "Substance abuse", nameFi: "Päihdetyö", nameSv: "Missbruksvård" },
] as const;

const testThemeRows = (createdAt: string) =>
  TEST_THEMES.map((t) => ({ id: crypto.randomUUID(), key: themeKey(t.nameEn), ...t, createdAt }));

/** Puts the test themes straight into a database's managed list; one already there is kept. */
export async function insertTestThemes(db: Kysely<DB>, createdAt: string): Promise<void> {
  await db.insertInto("themes").values(testThemeRows(createdAt)).onConflict((oc) => oc.column("key").doNothing()).execute();
}

/** An API call as the test targets make them (testApp's call, the contract and cost targets). */
type Call = (method: string, path: string, init: { token: string; body: unknown }) => Promise<{ status: number }>;

/** Puts the test themes (and any `more`) on a server's list; one already there is fine. */
export async function addTestThemes(call: Call, coordinatorToken: string, more: { nameEn: string; nameFi: string; nameSv: string }[] = []) {
  for (const theme of [...TEST_THEMES, ...more]) {
    const { status } = await call("POST", "/api/themes", { token: coordinatorToken, body: theme });
    if (status !== 201 && status !== 409) throw new Error(`POST /api/themes answered ${status}`);
  }
}
