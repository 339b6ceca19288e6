import type { Context, Hono, MiddlewareHandler } from "hono";
import { CreateProgrammeSchema, type Programme } from "../../../programmes/programmes.schemas.js";
import { allProgrammes, createProgramme } from "../../../programmes/programmes.service.js";
import { DataTable } from "../../components/data-table.js";
import { CsrfField, ErrorSummary, Notice, Select, TextArea, TextInput, type FieldErrors } from "../../components/form.js";
import { fieldErrorsFromZod } from "../../forms/field-errors.js";
import type { Messages } from "../../i18n/index.js";
import type { PageEnv } from "../../page-env.js";
import { readForm } from "../../security.js";
import { renderWorkplace } from "./controls.js";

type Values = { name: string; description: string };

function ProgrammesView(p: { t: Messages; csrfToken: string; items: Programme[]; values: Values; errors: FieldErrors; notice?: string }) {
  const k = p.t.programmeList;
  return (
    <>
      <h1 id="programmes-title">{k.title}</h1>
      {p.notice ? <Notice>{p.notice}</Notice> : null}
      <p>{k.intro}</p>
      {p.items.length === 0 ? (
        <p>{k.empty}</p>
      ) : (
        <DataTable labelledBy="programmes-title" columns={[{ label: k.name }, { label: k.description }]}>
          {p.items.map((pr) => (
            <tr>
              <td>{pr.name}</td>
              <td>{pr.description ?? p.t.common.none}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <section aria-labelledby="add-programme-title">
        <h2 id="add-programme-title">{k.addTitle}</h2>
        <ErrorSummary t={p.t} errors={p.errors} labels={{ name: k.name, description: k.description }} />
        <form method="post" action="/coordinator/programmes" novalidate>
          <CsrfField token={p.csrfToken} />
          <TextInput t={p.t} id="name" name="name" label={k.name} value={p.values.name} error={p.errors.name} />
          <TextArea t={p.t} id="description" name="description" label={k.description} optional rows={3} max={1000} value={p.values.description} error={p.errors.description} />
          <button type="submit">{k.add}</button>
        </form>
      </section>
    </>
  );
}

/** The consultation page's panel: which programme the consultation belongs to. */
export function ProgrammePanel(p: { t: Messages; csrfToken: string; consultationId: string; programmes: Programme[]; current: string | null; error?: string }) {
  const k = p.t.programmeList;
  if (p.programmes.length === 0) return null;
  return (
    <section aria-labelledby="programme-title" class="panel">
      <h3 id="programme-title">{k.panelTitle}</h3>
      <form method="post" action={`/coordinator/consultations/${p.consultationId}/programme`} novalidate>
        <CsrfField token={p.csrfToken} />
        <Select
          t={p.t}
          id="programmeId"
          name="programmeId"
          label={k.label}
          value={p.current ?? ""}
          error={p.error}
          options={[{ value: "", label: k.none }, ...p.programmes.map((pr) => ({ value: pr.id, label: pr.name }))]}
        />
        <button type="submit">{k.save}</button>
      </form>
    </section>
  );
}

export function addProgrammePages(app: Hono<PageEnv>, coordinator: MiddlewareHandler<PageEnv>) {
  const listPage = async (c: Context<PageEnv>, values: Values = { name: "", description: "" }, errors: FieldErrors = {}, status: 200 | 400 | 409 = 200) => {
    const { t, csrfToken } = c.var;
    const notice = c.req.method === "GET" && c.req.query("saved") ? t.programmeList.saved : undefined;
    return renderWorkplace(c, t.programmeList.title, <ProgrammesView t={t} csrfToken={csrfToken} items={await allProgrammes(c.var.deps)} values={values} errors={errors} notice={notice} />, status);
  };

  app.get("/programmes", coordinator, (c) => listPage(c));

  app.post("/programmes", coordinator, async (c) => {
    const f = await readForm(c);
    const values = { name: f.get("name"), description: f.get("description") };
    const parsed = CreateProgrammeSchema.safeParse({ name: values.name, ...(values.description.trim() ? { description: values.description } : {}) });
    if (!parsed.success) return listPage(c, values, fieldErrorsFromZod(parsed.error, c.var.t.validation), 400);
    const result = await createProgramme(c.var.deps, c.var.principal, parsed.data);
    if (!result.ok) return listPage(c, values, { name: c.var.t.programmeList.duplicate }, 409);
    return c.redirect("/coordinator/programmes?saved=1", 303);
  });
}
