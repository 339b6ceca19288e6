import type { Context, Hono, MiddlewareHandler } from "hono";
import { CreateThemeSchema, UpdateThemeSchema, type Theme } from "../../../themes/themes.schemas.js";
import { allThemes, createTheme, theme, updateTheme } from "../../../themes/themes.service.js";
import { DataTable } from "../../components/data-table.js";
import { CsrfField, ErrorSummary, Notice, TextInput, type FieldErrors } from "../../components/form.js";
import { fieldErrorsFromZod } from "../../forms/field-errors.js";
import type { Lang, Messages } from "../../i18n/index.js";
import type { PageEnv } from "../../page-env.js";
import { renderNotFound } from "../../render.js";
import { readForm } from "../../security.js";
import { renderWorkplace } from "./controls.js";

type Names = { nameFi: string; nameSv: string; nameEn: string };
const EMPTY: Names = { nameFi: "", nameSv: "", nameEn: "" };
const isId = (id: string) => /^[0-9a-f-]{36}$/.test(id);
const nameIn = (th: Theme, lang: Lang) => (lang === "fi" ? th.nameFi : lang === "sv" ? th.nameSv : th.nameEn);

function NameFields(p: { t: Messages; values: Names; errors: FieldErrors; keyFixed: boolean }) {
  const k = p.t.themeList;
  return (
    <>
      <TextInput t={p.t} id="nameFi" name="nameFi" label={k.nameFi} value={p.values.nameFi} error={p.errors.nameFi} />
      <TextInput t={p.t} id="nameSv" name="nameSv" label={k.nameSv} value={p.values.nameSv} error={p.errors.nameSv} />
      <TextInput t={p.t} id="nameEn" name="nameEn" label={k.nameEn} hint={p.keyFixed ? undefined : k.nameEnHint} value={p.values.nameEn} error={p.errors.nameEn} />
    </>
  );
}

function ThemesView(p: { t: Messages; lang: Lang; csrfToken: string; items: Theme[]; values: Names; errors: FieldErrors; notice?: string }) {
  const k = p.t.themeList;
  return (
    <>
      <h1 id="themes-title">{k.title}</h1>
      {p.notice ? <Notice>{p.notice}</Notice> : null}
      <p>{k.intro}</p>
      {p.items.length === 0 ? (
        <p>{k.empty}</p>
      ) : (
        <DataTable labelledBy="themes-title" columns={[{ label: k.nameFi }, { label: k.nameSv }, { label: k.nameEn }, { label: k.edit }]}>
          {p.items.map((th) => (
            <tr>
              <td lang="fi">{th.nameFi}</td>
              <td lang="sv">{th.nameSv}</td>
              <td lang="en">{th.nameEn}</td>
              <td>
                <a href={`/coordinator/themes/${th.id}`} aria-label={k.editNamed(nameIn(th, p.lang))}>
                  {k.edit}
                </a>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <section aria-labelledby="add-theme-title">
        <h2 id="add-theme-title">{k.addTitle}</h2>
        <ErrorSummary t={p.t} errors={p.errors} labels={{ nameFi: k.nameFi, nameSv: k.nameSv, nameEn: k.nameEn }} />
        <form method="post" action="/coordinator/themes" novalidate>
          <CsrfField token={p.csrfToken} />
          <NameFields t={p.t} values={p.values} errors={p.errors} keyFixed={false} />
          <button type="submit">{k.add}</button>
        </form>
      </section>
    </>
  );
}

function ThemeEditView(p: { t: Messages; csrfToken: string; theme: Theme; values: Names; errors: FieldErrors }) {
  const k = p.t.themeList;
  return (
    <>
      <p>
        <a href="/coordinator/themes">{k.back}</a>
      </p>
      <h1>{k.editTitle}</h1>
      <p>
        {k.key}: <code>{p.theme.key}</code>
      </p>
      <ErrorSummary t={p.t} errors={p.errors} labels={{ nameFi: k.nameFi, nameSv: k.nameSv, nameEn: k.nameEn }} />
      <form method="post" action={`/coordinator/themes/${p.theme.id}`} novalidate>
        <CsrfField token={p.csrfToken} />
        <NameFields t={p.t} values={p.values} errors={p.errors} keyFixed />
        <button type="submit">{k.save}</button>
      </form>
    </>
  );
}

const readNames = async (c: Context<PageEnv>): Promise<Names> => {
  const f = await readForm(c);
  return { nameFi: f.get("nameFi"), nameSv: f.get("nameSv"), nameEn: f.get("nameEn") };
};

/** The managed list of themes, on the same service as /api/themes. */
export function addThemePages(app: Hono<PageEnv>, coordinator: MiddlewareHandler<PageEnv>) {
  const listPage = async (c: Context<PageEnv>, values: Names = EMPTY, errors: FieldErrors = {}, status: 200 | 400 | 409 = 200) => {
    const { t, lang, csrfToken } = c.var;
    const notice = c.req.method === "GET" && c.req.query("saved") ? t.themeList.saved : undefined;
    return renderWorkplace(c, t.themeList.title, <ThemesView t={t} lang={lang} csrfToken={csrfToken} items={await allThemes(c.var.deps)} values={values} errors={errors} notice={notice} />, status);
  };

  app.get("/themes", coordinator, (c) => listPage(c));

  app.post("/themes", coordinator, async (c) => {
    const values = await readNames(c);
    const parsed = CreateThemeSchema.safeParse(values);
    if (!parsed.success) return listPage(c, values, fieldErrorsFromZod(parsed.error, c.var.t.validation), 400);
    const result = await createTheme(c.var.deps, c.var.principal, parsed.data);
    if (!result.ok) return listPage(c, values, { nameEn: c.var.t.themeList.duplicate }, 409);
    return c.redirect("/coordinator/themes?saved=1", 303);
  });

  const editPage = async (c: Context<PageEnv>, id: string, values?: Names, errors: FieldErrors = {}, status: 200 | 400 = 200) => {
    const found = isId(id) ? await theme(c.var.deps, id) : undefined;
    if (!found) return renderNotFound(c);
    const shown = values ?? { nameFi: found.nameFi, nameSv: found.nameSv, nameEn: found.nameEn };
    return renderWorkplace(c, c.var.t.themeList.editTitle, <ThemeEditView t={c.var.t} csrfToken={c.var.csrfToken} theme={found} values={shown} errors={errors} />, status);
  };

  app.get("/themes/:id", coordinator, (c) => editPage(c, c.req.param("id")));

  app.post("/themes/:id", coordinator, async (c) => {
    const id = c.req.param("id");
    const values = await readNames(c);
    // Every name is required on the page, though the API may change one at a time.
    const parsed = CreateThemeSchema.safeParse(values);
    if (!parsed.success) return editPage(c, id, values, fieldErrorsFromZod(parsed.error, c.var.t.validation), 400);
    if (!isId(id)) return renderNotFound(c);
    const result = await updateTheme(c.var.deps, c.var.principal, id, UpdateThemeSchema.parse(parsed.data));
    if (!result.ok) return renderNotFound(c);
    return c.redirect("/coordinator/themes?saved=1", 303);
  });
}
