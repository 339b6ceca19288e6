import { recordAudit } from "../audit/audit.repo.js";
import { isUniqueViolation } from "../db/unique-violation.js";
import type { Deps } from "../deps.js";
import { actorOf, type Principal } from "../lib/auth.js";
import { fail, ok, type Result } from "../lib/errors.js";
import type { Page, PageRequest } from "../lib/paging.js";
import { newId } from "../lib/secrets.js";
import { allThemesQuery, findTheme, insertTheme, listThemes, renameTheme } from "./themes.repo.js";
import type { CreateTheme, Theme, UpdateTheme } from "./themes.schemas.js";

type ThemeDeps = Pick<Deps, "db" | "clock">;
type Lang = "fi" | "sv" | "en";

/** What topics and experts store for a theme: its text in lower case, spaces trimmed. */
export const themeKey = (text: string) => text.trim().toLowerCase();

export const themesPage = (deps: Pick<Deps, "db">, page: PageRequest): Promise<Page<Theme>> => listThemes(deps.db, page);
export const allThemes = async (deps: Pick<Deps, "db">): Promise<Theme[]> => (await listThemes(deps.db)).items;
export const theme = (deps: Pick<Deps, "db">, id: string) => findTheme(deps.db, id);

const nameIn = (t: Theme, lang: Lang) => (lang === "fi" ? t.nameFi : lang === "sv" ? t.nameSv : t.nameEn);

/** The list as a page offers it: each key with its name in the page's language, in that language's order. */
export async function themeChoices(deps: Pick<Deps, "db">, lang: Lang): Promise<{ value: string; label: string }[]> {
  return themeChoicesOf(await allThemes(deps), lang);
}

/** themeChoices of a list already read (for a page that also names themes from it). */
export function themeChoicesOf(themes: readonly Theme[], lang: Lang): { value: string; label: string }[] {
  return themes.map((t) => ({ value: t.key, label: nameIn(t, lang) })).sort((a, b) => a.label.localeCompare(b.label, lang));
}

/**
 * A theme's name in a language, for any stored theme text; text not on the list is shown as
 * it was written (topics written before the list, or by a client that does not use it).
 */
export async function themeNamer(deps: Pick<Deps, "db">, lang: Lang): Promise<(stored: string) => string> {
  return themeNamerOf(await allThemes(deps), lang);
}

export function themeNamerOf(themes: readonly Theme[], lang: Lang): (stored: string) => string {
  // Keys migrated from SQL were lower-cased by SQLite, which leaves Ä, Ö and Å: compare in JavaScript's lower case.
  const names = new Map(themes.map((t) => [themeKey(t.key), nameIn(t, lang)]));
  return (stored) => names.get(themeKey(stored)) ?? stored;
}

/** The machine code of the "not on the list" refusal, which pages translate (the message may be reworded). */
export const UNKNOWN_THEME_RULE = "themeList";

/**
 * The list's keys for themes a topic or an expert names, matched as keys are (case and surrounding
 * spaces do not matter, so an English name works too). One text not on the list refuses the whole
 * write with a field issue at `pathOf(index)`: the one rule the API and the pages share.
 */
export async function themeKeysOnList(deps: Pick<Deps, "db">, given: readonly string[], pathOf: (index: number) => string): Promise<Result<string[]>> {
  const keys = new Map((await allThemes(deps)).map((t) => [themeKey(t.key), t.key]));
  const issues = given.flatMap((text, i) =>
    keys.has(themeKey(text)) ? [] : [{ path: pathOf(i), message: "not on the list of themes (GET /api/themes)", rule: UNKNOWN_THEME_RULE }],
  );
  if (issues.length > 0) return fail("VALIDATION_FAILED", "Choose themes from the managed list (GET /api/themes)", issues);
  // The list's own key is stored, so a stored theme is always exactly a list entry's key.
  return ok([...new Set(given.map((text) => keys.get(themeKey(text))!))]);
}

const duplicate = () => fail("CONFLICT", "A theme with this English name is already on the list", [{ path: "nameEn", message: "already on the list" }]);

export async function createTheme(deps: ThemeDeps, by: Principal, input: CreateTheme): Promise<Result<Theme>> {
  const created: Theme = { id: newId(), key: themeKey(input.nameEn), nameFi: input.nameFi, nameSv: input.nameSv, nameEn: input.nameEn, createdAt: deps.clock.now().toISOString() };
  try {
    await insertTheme(deps.db, created);
  } catch (err) {
    if (isUniqueViolation(err)) return duplicate();
    throw err;
  }
  await recordAudit(deps.db, { ...actorOf(by), at: created.createdAt, action: "theme.created", entityType: "theme", entityId: created.id });
  return ok(created);
}

/** Renames a theme in one or more languages; its key stays, so topics and experts keep it. */
export async function updateTheme(deps: ThemeDeps, by: Principal, id: string, names: UpdateTheme): Promise<Result<Theme>> {
  const updated = await renameTheme(deps.db, id, names);
  if (!updated) return fail("NOT_FOUND", `No theme with id ${id}`);
  await recordAudit(deps.db, { ...actorOf(by), at: deps.clock.now().toISOString(), action: "theme.updated", entityType: "theme", entityId: id });
  return ok(updated);
}
