import type { Context, Hono, MiddlewareHandler } from "hono";
import { CreateExpertSchema, CreateOrganisationSchema, type Expert, type Organisation } from "../../../directory/directory.schemas.js";
import { themeChoices, UNKNOWN_THEME_RULE } from "../../../themes/themes.service.js";
import { createExpert, createOrganisation, directoryPage, expert, organisation, organisations, updateExpert, updateOrganisation } from "../../../directory/directory.service.js";
import type { Failure } from "../../../lib/errors.js";
import type { FieldErrors } from "../../components/form.js";
import { fieldErrorsFromZod } from "../../forms/field-errors.js";
import type { PageEnv } from "../../page-env.js";
import { renderNotFound } from "../../render.js";
import { readForm, type FormData } from "../../security.js";
import { listFromText, renderWorkplace } from "./controls.js";
import { DirectoryView, ExpertForm, OrganisationForm, type ExpertFormValues, type OrganisationFormValues } from "./directory.view.js";

const isId = (id: string) => /^[0-9a-f-]{36}$/.test(id);
/** "languages.0" is the languages field on the page. */
const fieldOf = (path: string) => path.split(".")[0]!;

const orgValues = (o: Organisation): OrganisationFormValues => ({
  name: o.name,
  country: o.country,
  website: o.website ?? "",
  criteria: o.criteria,
  criteriaNote: o.criteriaNote ?? "",
});

const orgValuesFrom = (f: FormData): OrganisationFormValues => ({
  name: f.get("name"),
  country: f.get("country"),
  website: f.get("website").trim(),
  criteria: { nationallySignificant: f.get("nationallySignificant") === "1", innovative: f.get("innovative") === "1", evidenceBased: f.get("evidenceBased") === "1" },
  criteriaNote: f.get("criteriaNote"),
});

const expertValues = (e: Expert): ExpertFormValues => ({
  organisationId: e.organisationId,
  name: e.name,
  email: e.email,
  languages: e.languages.join(", "),
  timeZone: e.timeZone,
  themes: e.themes,
});

const expertValuesFrom = (f: FormData): ExpertFormValues => ({
  organisationId: f.get("organisationId"),
  name: f.get("name"),
  email: f.get("email").trim(),
  languages: f.get("languages"),
  timeZone: f.get("timeZone"),
  themes: f.all("themes"),
});

function orgInput(v: OrganisationFormValues) {
  return {
    name: v.name,
    country: v.country,
    criteria: v.criteria,
    ...(v.website ? { website: v.website } : {}),
    ...(v.criteriaNote.trim() ? { criteriaNote: v.criteriaNote } : {}),
  };
}

const expertInput = (v: ExpertFormValues) => ({
  organisationId: v.organisationId,
  name: v.name,
  email: v.email,
  languages: listFromText(v.languages).map((l) => l.toLowerCase()),
  timeZone: v.timeZone,
  themes: v.themes,
});

/** Lists typed as text: an empty one is "required", a bad code is a bad choice (not the brief's "questions" words). */
function listErrors(c: Context<PageEnv>, values: ExpertFormValues, errors: FieldErrors): FieldErrors {
  const v = c.var.t.validation;
  if (errors.languages) errors.languages = listFromText(values.languages).length === 0 ? v.required : v.invalidChoice;
  if (errors.themes) errors.themes = values.themes.length === 0 ? v.required : c.var.t.themeChoice.notOnList;
  return errors;
}

/** A service refusal as field errors in the page's language. */
function errorsFromFailure(c: Context<PageEnv>, failure: Failure): FieldErrors {
  const k = c.var.t.workplace;
  if (failure.code === "CONFLICT") return { email: k.duplicateExpert };
  if (failure.issues?.some((i) => i.rule === UNKNOWN_THEME_RULE)) return { themes: c.var.t.themeChoice.notOnList };
  return { [fieldOf(failure.issues?.[0]?.path ?? "name")]: c.var.t.validation.invalidChoice };
}

export function addDirectoryPages(app: Hono<PageEnv>, coordinator: MiddlewareHandler<PageEnv>) {
  app.get("/directory", coordinator, async (c) => {
    const { deps, t, lang, csrfToken } = c.var;
    const q = (c.req.query("q") ?? "").trim().slice(0, 100);
    const country = c.req.query("country") ?? "";
    const state = c.req.query("state") === "all" ? "all" : "active";
    const knownCountry = /^[A-Z]{2}$/.test(country) ? (country as Expert["organisation"]["country"]) : undefined;
    const { organisations: orgs, experts, themeName } = await directoryPage(
      deps,
      { ...(q ? { q } : {}), ...(knownCountry ? { country: knownCountry } : {}), includeInactive: state === "all" ? "true" : undefined },
      lang,
    );
    const notice = c.req.query("saved") ? t.workplace.saved : undefined;
    return renderWorkplace(
      c,
      t.workplace.directoryTitle,
      <DirectoryView t={t} lang={lang} csrfToken={csrfToken} organisations={orgs} experts={experts} query={{ q, country, state }} notice={notice} themeName={themeName} />,
    );
  });

  const orgPage = (c: Context<PageEnv>, action: string, title: string, values: OrganisationFormValues, errors: FieldErrors = {}, notice?: string) =>
    renderWorkplace(
      c,
      title,
      <OrganisationForm t={c.var.t} lang={c.var.lang} csrfToken={c.var.csrfToken} action={action} title={title} values={values} errors={errors} notice={notice} />,
      Object.keys(errors).length ? 400 : 200,
    );

  app.get("/directory/organisations/new", coordinator, (c) =>
    orgPage(c, "/coordinator/directory/organisations/new", c.var.t.workplace.newOrganisationTitle, {
      name: "",
      country: "SE",
      website: "",
      criteria: { nationallySignificant: false, innovative: false, evidenceBased: false },
      criteriaNote: "",
    }),
  );

  app.post("/directory/organisations/new", coordinator, async (c) => {
    const values = orgValuesFrom(await readForm(c));
    const parsed = CreateOrganisationSchema.safeParse(orgInput(values));
    const title = c.var.t.workplace.newOrganisationTitle;
    if (!parsed.success) return orgPage(c, "/coordinator/directory/organisations/new", title, values, criteriaErrors(c, fieldErrorsFromZod(parsed.error, c.var.t.validation, fieldOf)));
    await createOrganisation(c.var.deps, c.var.principal, parsed.data);
    return c.redirect("/coordinator/directory?saved=1", 303);
  });

  app.get("/directory/organisations/:id", coordinator, async (c) => {
    const id = c.req.param("id");
    const found = isId(id) ? await organisation(c.var.deps, id) : undefined;
    if (!found) return renderNotFound(c);
    const notice = c.req.query("saved") ? c.var.t.workplace.saved : undefined;
    return orgPage(c, `/coordinator/directory/organisations/${id}`, c.var.t.workplace.editOrganisationTitle, orgValues(found), {}, notice);
  });

  app.post("/directory/organisations/:id", coordinator, async (c) => {
    const id = c.req.param("id");
    if (!isId(id)) return renderNotFound(c);
    const values = orgValuesFrom(await readForm(c));
    const action = `/coordinator/directory/organisations/${id}`;
    const title = c.var.t.workplace.editOrganisationTitle;
    const parsed = CreateOrganisationSchema.safeParse(orgInput(values));
    if (!parsed.success) return orgPage(c, action, title, values, criteriaErrors(c, fieldErrorsFromZod(parsed.error, c.var.t.validation, fieldOf)));
    // A cleared optional field is cleared in the directory too.
    const result = await updateOrganisation(c.var.deps, c.var.principal, id, { website: null, criteriaNote: null, ...parsed.data });
    if (!result.ok) return renderNotFound(c);
    return c.redirect(`${action}?saved=1`, 303);
  });

  const expertPage = async (c: Context<PageEnv>, opts: { action: string; title: string; values: ExpertFormValues; errors?: FieldErrors; notice?: string; existing?: { id: string; active: boolean } }) => {
    const errors = opts.errors ?? {};
    const [orgs, themes] = await Promise.all([organisations(c.var.deps), themeChoices(c.var.deps, c.var.lang)]);
    return renderWorkplace(
      c,
      opts.title,
      <ExpertForm
        t={c.var.t}
        lang={c.var.lang}
        csrfToken={c.var.csrfToken}
        organisations={orgs}
        themes={themes}
        {...opts}
        errors={errors}
      />,
      Object.keys(errors).length ? 400 : 200,
    );
  };

  app.get("/directory/experts/new", coordinator, (c) =>
    expertPage(c, {
      action: "/coordinator/directory/experts/new",
      title: c.var.t.workplace.newExpertTitle,
      values: { organisationId: "", name: "", email: "", languages: "", timeZone: "Europe/Stockholm", themes: [] },
    }),
  );

  app.post("/directory/experts/new", coordinator, async (c) => {
    const values = expertValuesFrom(await readForm(c));
    const page = { action: "/coordinator/directory/experts/new", title: c.var.t.workplace.newExpertTitle, values };
    const parsed = CreateExpertSchema.safeParse(expertInput(values));
    if (!parsed.success) return expertPage(c, { ...page, errors: listErrors(c, values, fieldErrorsFromZod(parsed.error, c.var.t.validation, fieldOf)) });
    const result = await createExpert(c.var.deps, c.var.principal, parsed.data);
    if (!result.ok) return expertPage(c, { ...page, errors: errorsFromFailure(c, result) });
    return c.redirect("/coordinator/directory?saved=1", 303);
  });

  app.get("/directory/experts/:id", coordinator, async (c) => {
    const id = c.req.param("id");
    const found = isId(id) ? await expert(c.var.deps, id) : undefined;
    if (!found) return renderNotFound(c);
    const k = c.var.t.workplace;
    const done = c.req.query("done");
    const notice = done === "saved" ? k.saved : done === "deactivated" ? k.deactivated : done === "activated" ? k.reactivated : undefined;
    return expertPage(c, {
      action: `/coordinator/directory/experts/${id}`,
      title: k.editExpertTitle,
      values: expertValues(found),
      notice,
      existing: { id, active: found.active },
    });
  });

  app.post("/directory/experts/:id", coordinator, async (c) => {
    const id = c.req.param("id");
    const found = isId(id) ? await expert(c.var.deps, id) : undefined;
    if (!found) return renderNotFound(c);
    const values = expertValuesFrom(await readForm(c));
    const page = { action: `/coordinator/directory/experts/${id}`, title: c.var.t.workplace.editExpertTitle, values, existing: { id, active: found.active } };
    const parsed = CreateExpertSchema.safeParse(expertInput(values));
    if (!parsed.success) return expertPage(c, { ...page, errors: listErrors(c, values, fieldErrorsFromZod(parsed.error, c.var.t.validation, fieldOf)) });
    const result = await updateExpert(c.var.deps, c.var.principal, id, parsed.data);
    if (!result.ok) return expertPage(c, { ...page, errors: errorsFromFailure(c, result) });
    return c.redirect(`/coordinator/directory/experts/${id}?done=saved`, 303);
  });

  app.post("/directory/experts/:id/active", coordinator, async (c) => {
    const id = c.req.param("id");
    if (!isId(id)) return renderNotFound(c);
    const active = (await readForm(c)).get("active") === "1";
    const result = await updateExpert(c.var.deps, c.var.principal, id, { active });
    if (!result.ok && result.code === "NOT_FOUND") return renderNotFound(c);
    const found = (await expert(c.var.deps, id))!;
    if (!result.ok) {
      // Activating again collides with a newer active entry of the same address.
      return expertPage(c, {
        action: `/coordinator/directory/experts/${id}`,
        title: c.var.t.workplace.editExpertTitle,
        values: expertValues(found),
        errors: errorsFromFailure(c, result),
        existing: { id, active: found.active },
      });
    }
    return c.redirect(`/coordinator/directory/experts/${id}?done=${active ? "activated" : "deactivated"}`, 303);
  });
}

/** The criteria rule ("at least one") has its own words on the page. */
function criteriaErrors(c: Context<PageEnv>, errors: FieldErrors): FieldErrors {
  return errors.criteria ? { ...errors, criteria: c.var.t.workplace.criteriaRequired } : errors;
}
