import { themeKey } from "../../src/themes/themes.service.js";

/**
 * The themes the tests' topics and experts name: topics and experts choose from the managed list,
 * so a test database starts with these on it (testApp inserts them; a server in another process
 * gets them through POST /api/themes with `addTestThemes`).
 */
export const TEST_THEMES = [
  { nameEn: "Child protection", nameFi: "Lastensuojelu", nameSv: "Barnskydd" },
  { nameEn: "Preventive family work", nameFi: "Ennaltaehkäisevä perhetyö", nameSv: "Förebyggande familjearbete" },
  { nameEn: "Elderly care", nameFi: "Ikääntyneiden palvelut", nameSv: "Äldreomsorg" },
  { nameEn: "Disability services", nameFi: "Vammaispalvelut", nameSv: "Funktionshinderservice" },
  { nameEn: "Youth services", nameFi: "Nuorisopalvelut", nameSv: "Ungdomstjänster" },
  { nameEn: "Substance abuse", nameFi: "Päihdetyö", nameSv: "Missbruksvård" },
] as const;

export const testThemeRows = (createdAt: string) =>
  TEST_THEMES.map((t) => ({ id: crypto.randomUUID(), key: themeKey(t.nameEn), ...t, createdAt }));

type Call = (method: string, path: string, body: unknown, token: string) => Promise<{ status: number }>;

/** Puts the test themes (and any `more`) on a server's list; one already there is fine. */
export async function addTestThemes(call: Call, coordinatorToken: string, more: { nameEn: string; nameFi: string; nameSv: string }[] = []) {
  for (const theme of [...TEST_THEMES, ...more]) {
    const { status } = await call("POST", "/api/themes", theme, coordinatorToken);
    if (status !== 201 && status !== 409) throw new Error(`POST /api/themes answered ${status}`);
  }
}
