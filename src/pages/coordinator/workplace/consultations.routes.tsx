import type { Context, Hono, MiddlewareHandler } from "hono";
import { DateTime } from "luxon";
import {
  coordinatorConsultationPage,
  coordinatorConsultationsPage,
} from "../../../consultations/coordinator-view.service.js";
import { cancelConsultation } from "../../../consultations/consultations.service.js";
import type { ConsultationStatus } from "../../../db/schema.js";
import {
  FUNDING_SOURCES,
  type FundingSource,
} from "../../../evaluations/consultation-outcome.schemas.js";
import {
  closeEvaluation,
  recordOutcome,
  setFunding,
} from "../../../evaluations/consultation-outcome.service.js";
import type { Principal } from "../../../lib/auth.js";
import type { FieldErrors } from "../../components/form.js";
import type { PageEnv } from "../../page-env.js";
import { renderNotFound } from "../../render.js";
import { readForm } from "../../security.js";
import { setConsultationProgramme } from "../../../programmes/programmes.service.js";
import { offsetFrom, renderWorkplace } from "./controls.js";
import { ProgrammePanel } from "./programmes.routes.js";
import { themeNamerOf } from "../../../themes/themes.service.js";
import {
  COORDINATOR_ZONE,
  ConsultationsView,
  ConsultationView,
  type DetailForms,
  type ListFilter,
} from "./consultations.view.js";

const PAGE_SIZE = 25;
const STATUSES = new Set([
  "draft",
  "requested",
  "confirmed",
  "held",
  "evaluated",
  "declined",
  "cancelled",
  "expired",
]);
const isId = (id: string) => /^[0-9a-f-]{36}$/.test(id);
type Coordinator = Extract<Principal, { role: "coordinator" }>;

/** A day typed into a date field as the start of that day in Helsinki, in UTC. */
const dayStart = (day: string): string | null => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const d = DateTime.fromISO(day, { zone: COORDINATOR_ZONE });
  return d.isValid ? d.toUTC().toISO() : null;
};

export function addConsultationPages(
  app: Hono<PageEnv>,
  coordinator: MiddlewareHandler<PageEnv>,
) {
  app.get("/consultations", coordinator, async (c) => {
    const { deps, t, lang } = c.var;
    const q = (name: string) => (c.req.query(name) ?? "").trim().slice(0, 100);
    const filter: ListFilter = {
      status: q("status"),
      theme: q("theme"),
      country: q("country"),
      group: q("group"),
      from: q("from"),
      to: q("to"),
    };
    const errors: FieldErrors = {};
    const from = filter.from ? dayStart(filter.from) : null;
    const to = filter.to ? dayStart(filter.to) : null;
    if (filter.from && !from) errors.from = t.validation.invalidChoice;
    if (filter.to && !to) errors.to = t.validation.invalidChoice;
    const offset = offsetFrom(c.req.query("offset"));
    const page = await coordinatorConsultationsPage(deps, {
        ...(STATUSES.has(filter.status)
          ? { status: filter.status as ConsultationStatus }
          : {}),
        ...(filter.theme ? { theme: filter.theme } : {}),
        ...(/^[A-Z]{2}$/.test(filter.country)
          ? { country: filter.country }
          : {}),
        ...(isId(filter.group) ? { groupId: filter.group } : {}),
        ...(from ? { from } : {}),
        // "Created before" the day after: the day typed is included.
        ...(to
          ? { to: DateTime.fromISO(to).plus({ days: 1 }).toUTC().toISO()! }
          : {}),
        limit: PAGE_SIZE,
        offset,
      });
    const themeName = themeNamerOf(page.themeList, lang);
    return renderWorkplace(
      c,
      t.workplace.consultationsTitle,
      <ConsultationsView
        t={t}
        lang={lang}
        items={page.items}
        total={page.total}
        offset={offset}
        limit={PAGE_SIZE}
        filter={filter}
        groups={page.groups}
        themes={[...page.themes].sort((a, b) => themeName(a).localeCompare(themeName(b), lang))}
        themeName={themeName}
        errors={errors}
      />,
      Object.keys(errors).length ? 400 : 200,
    );
  });

  const detail = async (
    c: Context<PageEnv>,
    id: string,
    forms: Partial<DetailForms> = {},
    status: 200 | 400 | 409 = 200,
  ) => {
    const view = isId(id)
      ? await coordinatorConsultationPage(c.var.deps, id)
      : undefined;
    if (!view) return renderNotFound(c);
    const k = c.var.t.workplace;
    const done = c.req.query("done");
    const notices: Record<string, string> = {
      outcome: k.outcomeRecorded,
      funding: k.fundingSet,
      closed: k.evaluationClosed,
      cancelled: k.cancelled,
      programme: c.var.t.programmeList.set,
    };
    return renderWorkplace(
      c,
      view.consultation.topic.title,
      <>
        <ConsultationView
          t={c.var.t}
          lang={c.var.lang}
          csrfToken={c.var.csrfToken}
          view={view}
          groupName={view.groupName}
          themeName={themeNamerOf(view.themeList, c.var.lang)}
          errors={forms.errors ?? {}}
          values={forms.values ?? {}}
          notice={forms.notice ?? (done ? notices[done] : undefined)}
          problem={forms.problem}
        />
        <ProgrammePanel
          t={c.var.t}
          csrfToken={c.var.csrfToken}
          consultationId={id}
          programmes={view.programmes}
          current={view.programmeId}
          error={forms.errors?.programmeId}
        />
      </>,
      status,
    );
  };

  const by = (c: Context<PageEnv>) => c.var.principal as Coordinator;
  const conflict = (
    c: Context<PageEnv>,
    id: string,
    values: DetailForms["values"] = {},
  ) => detail(c, id, { problem: c.var.t.errors.conflict, values }, 409);

  app.get("/consultations/:id", coordinator, (c) =>
    detail(c, c.req.param("id")),
  );

  app.post("/consultations/:id/outcome", coordinator, async (c) => {
    const id = c.req.param("id");
    const f = await readForm(c);
    const k = c.var.t.workplace;
    const values = {
      outcome: f.get("outcome"),
      actualStart: f.get("actualStart").trim(),
      actualMinutes: f.get("actualMinutes").trim(),
    };
    const errors: FieldErrors = {};
    let input:
      | { noShow: true }
      | { actualStart: string; actualMinutes: number }
      | undefined;
    if (values.outcome === "noShow") input = { noShow: true };
    else if (values.outcome === "held") {
      const start = DateTime.fromFormat(
        values.actualStart.replace("T", " "),
        "yyyy-MM-dd HH:mm",
        { zone: COORDINATOR_ZONE },
      );
      const minutes = Number(values.actualMinutes);
      if (!start.isValid) errors.actualStart = k.startInvalid;
      if (
        !/^\d{1,3}$/.test(values.actualMinutes) ||
        minutes < 1 ||
        minutes > 180
      )
        errors.actualMinutes = k.minutesInvalid;
      if (start.isValid && !errors.actualMinutes)
        input = { actualStart: start.toISO()!, actualMinutes: minutes };
    } else errors.outcome = c.var.t.validation.required;
    if (!input) return detail(c, id, { errors, values }, 400);
    const result = await recordOutcome(c.var.deps, by(c), id, input);
    if (result.ok)
      return c.redirect(`/coordinator/consultations/${id}?done=outcome`, 303);
    if (result.code === "NOT_FOUND") return renderNotFound(c);
    if (result.code === "VALIDATION_FAILED")
      return detail(
        c,
        id,
        { errors: { actualStart: k.startInvalid }, values },
        400,
      );
    return conflict(c, id, values);
  });

  app.post("/consultations/:id/programme", coordinator, async (c) => {
    const id = c.req.param("id");
    const raw = (await readForm(c)).get("programmeId");
    if (!isId(id)) return renderNotFound(c);
    const result = await setConsultationProgramme(
      c.var.deps,
      by(c),
      id,
      raw === "" ? null : raw,
    );
    if (result.ok)
      return c.redirect(`/coordinator/consultations/${id}?done=programme`, 303);
    if (result.code === "NOT_FOUND") return renderNotFound(c);
    return detail(
      c,
      id,
      { errors: { programmeId: c.var.t.validation.invalidChoice } },
      400,
    );
  });

  app.post("/consultations/:id/funding", coordinator, async (c) => {
    const id = c.req.param("id");
    const source = (await readForm(c)).get("source");
    if (!(FUNDING_SOURCES as readonly string[]).includes(source)) {
      return detail(
        c,
        id,
        {
          errors: { source: c.var.t.validation.invalidChoice },
          values: { source },
        },
        400,
      );
    }
    const result = await setFunding(
      c.var.deps,
      by(c),
      id,
      source as FundingSource,
    );
    if (result.ok)
      return c.redirect(`/coordinator/consultations/${id}?done=funding`, 303);
    return renderNotFound(c);
  });

  app.post("/consultations/:id/close-evaluation", coordinator, async (c) => {
    const id = c.req.param("id");
    const result = await closeEvaluation(c.var.deps, by(c), id);
    if (result.ok)
      return c.redirect(`/coordinator/consultations/${id}?done=closed`, 303);
    if (result.code === "NOT_FOUND") return renderNotFound(c);
    return conflict(c, id);
  });

  app.post("/consultations/:id/cancel", coordinator, async (c) => {
    const id = c.req.param("id");
    const reason = (await readForm(c)).get("reason").trim();
    const v = c.var.t.validation;
    const error = !reason
      ? v.required
      : reason.length > 1000
        ? v.tooLong(1000)
        : undefined;
    if (error)
      return detail(
        c,
        id,
        { errors: { reason: error }, values: { reason } },
        400,
      );
    const result = await cancelConsultation(c.var.deps, by(c), id, reason);
    if (result.ok)
      return c.redirect(`/coordinator/consultations/${id}?done=cancelled`, 303);
    if (result.code === "NOT_FOUND") return renderNotFound(c);
    return conflict(c, id, { reason });
  });
}
