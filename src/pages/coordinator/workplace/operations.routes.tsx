import type { Context, Hono, MiddlewareHandler } from "hono";
import { answerFeedback, feedbackPage, isOverdue, type AccessibilityFeedback } from "../../../accessibility/feedback.service.js";
import { failedCommands, failedCommandsPage, microsoftConnection, retryCommand, type MicrosoftConnection } from "../../../outbox/outbox.service.js";
import { DataTable } from "../../components/data-table.js";
import { CsrfField, Notice, TextInput } from "../../components/form.js";
import { formatDateTime, formatDay } from "../../i18n/format.js";
import type { Lang, Messages } from "../../i18n/index.js";
import type { PageEnv } from "../../page-env.js";
import { renderNotFound } from "../../render.js";
import { readForm } from "../../security.js";
import { COORDINATOR_ZONE } from "./consultations.view.js";
import { offsetFrom, Pager, renderWorkplace } from "./controls.js";

type Failed = Awaited<ReturnType<typeof failedCommands>>["items"][number];

function Connection({ t, lang, m }: { t: Messages; lang: Lang; m: MicrosoftConnection }) {
  const k = t.workplace;
  const when = (iso: string | null) => (iso ? formatDateTime(iso, lang, COORDINATOR_ZONE) : k.never);
  return (
    <section aria-labelledby="m365-title">
      <h2 id="m365-title">{k.m365Title}</h2>
      {!m.configured ? (
        <p>{k.m365NotConfigured}</p>
      ) : (
        <>
          {m.secretDaysLeft !== null && m.secretDaysLeft < 0 ? <Notice kind="warning">{k.secretExpired}</Notice> : null}
          {m.secretWarning && m.secretDaysLeft !== null && m.secretDaysLeft >= 0 ? <Notice kind="warning">{k.secretWarning(m.secretDaysLeft)}</Notice> : null}
          <dl class="summary-list">
            <dt>{k.organizer}</dt>
            <dd>{m.organizer}</dd>
            <dt>{k.lastSuccess}</dt>
            <dd>{when(m.lastSuccessAt)}</dd>
            <dt>{k.secretExpires}</dt>
            <dd>{m.secretExpires ? formatDay(`${m.secretExpires}T12:00:00Z`, lang, "UTC") : k.secretUnknown}</dd>
            <dt>{k.recentFailures}</dt>
            <dd>
              {m.recentFailures.length === 0 ? (
                k.noFailures
              ) : (
                <ul>
                  {m.recentFailures.map((f) => (
                    <li>
                      {when(f.at)}: <code>{f.error}</code>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </dl>
        </>
      )}
    </section>
  );
}

function OutboxView(p: { t: Messages; lang: Lang; csrfToken: string; items: Failed[]; nextCursor: string | null; connection: MicrosoftConnection; notice?: string }) {
  const k = p.t.workplace;
  return (
    <>
      <h1 id="outbox-title">{k.outboxTitle}</h1>
      {p.notice ? <Notice>{p.notice}</Notice> : null}
      <p>{k.outboxIntro}</p>
      {p.items.length === 0 ? (
        <p>{k.noFailed}</p>
      ) : (
        <DataTable labelledBy="outbox-title" columns={[{ label: k.command }, { label: k.lastTried }, { label: k.attempts, num: true }, { label: k.error }, { label: k.retry }]}>
          {p.items.map((o) => (
            <tr>
              <td>
                {o.kind}
                {o.consultationId ? (
                  <>
                    <br />
                    <a href={`/coordinator/consultations/${o.consultationId}`}>{p.t.workplace.consultationsTitle}</a>
                  </>
                ) : null}
              </td>
              <td>{formatDateTime(o.updatedAt, p.lang, COORDINATOR_ZONE)}</td>
              <td class="num">{o.attempts}</td>
              <td>
                <code>{o.lastError ?? ""}</code>
              </td>
              <td>
                <form method="post" action={`/coordinator/outbox/${o.id}/retry`}>
                  <CsrfField token={p.csrfToken} />
                  <button type="submit">{k.retry}</button>
                </form>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {p.nextCursor ? (
        <p>
          <a href={`/coordinator/outbox?cursor=${encodeURIComponent(p.nextCursor)}`}>{k.next}</a>
        </p>
      ) : null}
      <Connection t={p.t} lang={p.lang} m={p.connection} />
    </>
  );
}

const FEEDBACK_PAGE = 25;

function FeedbackView(p: {
  t: Messages;
  lang: Lang;
  csrfToken: string;
  items: (AccessibilityFeedback & { overdue: boolean })[];
  total: number;
  offset: number;
  now: Date;
  notice?: string;
  error?: { id: string; message: string; note: string };
}) {
  const { t, lang } = p;
  const k = t.workplace;
  const c = t.coordinator;
  return (
    <>
      <h1 id="feedback-title">{c.feedbackTitle}</h1>
      {p.notice ? <Notice>{p.notice}</Notice> : null}
      <p>{k.feedbackIntro}</p>
      {p.items.length === 0 ? <p>{c.feedbackEmpty}</p> : null}
      <ol class="feedback-list">
        {p.items.map((f) => {
          const err = p.error?.id === f.id ? p.error : undefined;
          return (
            <li class="panel" data-testid="feedback-item">
              <p>
                <strong>{c.received}:</strong> {formatDateTime(f.receivedAt, lang, COORDINATOR_ZONE)} · <strong>{c.answerBy}:</strong> {formatDay(f.answerBy, lang, COORDINATOR_ZONE)}
                {isOverdue(f, p.now) ? <strong class="overdue"> ({c.overdue})</strong> : null}
              </p>
              <p class="brief-text" lang={f.language}>
                {f.pageUrl ? <em>{f.pageUrl}: </em> : null}
                {f.message}
              </p>
              <p>
                <strong>{c.contact}:</strong> {[f.name, f.email].filter(Boolean).join(", ") || t.common.none}
              </p>
              {f.answeredAt ? (
                <p>{k.answeredOn(formatDay(f.answeredAt, lang, COORDINATOR_ZONE), f.answerNote ?? "")}</p>
              ) : (
                <form method="post" action={`/coordinator/feedback/${f.id}/answer`} novalidate>
                  <CsrfField token={p.csrfToken} />
                  <TextInput t={t} id={`note-${f.id}`} name="note" label={k.answerNote} hint={k.answerNoteHint} value={err?.note} error={err?.message} />
                  <button type="submit">{k.markAnswered}</button>
                </form>
              )}
            </li>
          );
        })}
      </ol>
      <Pager t={t} base="/coordinator/feedback" query={new URLSearchParams()} offset={p.offset} limit={FEEDBACK_PAGE} total={p.total} />
    </>
  );
}

export function addOperationsPages(app: Hono<PageEnv>, coordinator: MiddlewareHandler<PageEnv>) {
  app.get("/outbox", coordinator, async (c) => {
    const { deps, t, lang, csrfToken } = c.var;
    const [failed, connection] = await Promise.all([failedCommands(deps, failedCommandsPage(c.req.query("cursor"))), microsoftConnection(deps)]);
    const notice = c.req.query("done") === "retried" ? t.workplace.retried : undefined;
    return renderWorkplace(
      c,
      t.workplace.outboxTitle,
      <OutboxView t={t} lang={lang} csrfToken={csrfToken} items={failed.items} nextCursor={failed.nextCursor} connection={connection} notice={notice} />,
    );
  });

  app.post("/outbox/:id/retry", coordinator, async (c) => {
    const id = c.req.param("id").slice(0, 64);
    if (!(await retryCommand(c.var.deps, id))) return renderNotFound(c);
    return c.redirect("/coordinator/outbox?done=retried", 303);
  });

  const feedback = async (c: Context<PageEnv>, offset: number, extra: { notice?: string; error?: { id: string; message: string; note: string } } = {}, status: 200 | 400 = 200) => {
    const { deps, t, lang, csrfToken } = c.var;
    const page = await feedbackPage(deps, { limit: FEEDBACK_PAGE, offset });
    return renderWorkplace(
      c,
      t.coordinator.feedbackTitle,
      <FeedbackView t={t} lang={lang} csrfToken={csrfToken} items={page.items} total={page.total} offset={offset} now={deps.clock.now()} {...extra} />,
      status,
    );
  };

  app.get("/feedback", coordinator, (c) => feedback(c, offsetFrom(c.req.query("offset")), { notice: c.req.query("done") ? c.var.t.workplace.answered : undefined }));

  app.post("/feedback/:id/answer", coordinator, async (c) => {
    const id = c.req.param("id").slice(0, 64);
    const note = (await readForm(c)).get("note");
    const result = await answerFeedback(c.var.deps, id, note);
    if (result.ok) return c.redirect("/coordinator/feedback?done=answered", 303);
    if (result.code === "NOT_FOUND") return renderNotFound(c);
    const v = c.var.t.validation;
    const message = result.code === "CONFLICT" ? c.var.t.errors.conflict : note.trim() ? v.tooLong(1000) : v.required;
    return feedback(c, 0, { error: { id, message, note } }, 400);
  });
}
