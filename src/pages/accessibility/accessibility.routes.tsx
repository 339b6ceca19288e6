import type { Context } from "hono";
import { CsrfField, ErrorSummary, fieldsOf, TextArea, TextInput, type FieldErrors } from "../components/form.js";
import { fieldErrorsFromZod } from "../forms/field-errors.js";
import { formatDay } from "../i18n/format.js";
import type { Messages } from "../i18n/index.js";
import { finish, pageApp } from "../page-app.js";
import type { PageEnv } from "../page-env.js";
import { renderMessage, renderPage } from "../render.js";
import { readForm } from "../security.js";
import { clientAddress } from "../../rate-limit/client-address.js";
import { checkLimit, countTowards } from "../../rate-limit/rate-limiter.js";
import { renderRateLimited } from "../rate-limited.js";
import { submitFeedback, type FeedbackInput } from "../../accessibility/feedback.service.js";

/** When the statement was prepared (Act 306/2019 asks for the date); update it with the statement. */
export const STATEMENT_DATE = "2026-11-23T10:00:00.000Z";
/** The service's home: the competence centre in Ostrobothnia, Finland. */
const HOME_ZONE = "Europe/Helsinki";

const FIELDS = ["message", "pageUrl", "name", "email"] as const;

function FeedbackForm({ t, csrfToken, values, errors }: { t: Messages; csrfToken: string; values: FeedbackInput; errors: FieldErrors }) {
  const a = t.accessibility;
  const field = fieldsOf({ ...values }, errors);
  const labels: Record<string, string> = { message: a.messageLabel, pageUrl: a.pageLabel, name: a.nameLabel, email: a.emailLabel };
  return (
    <>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <form method="post" action="/accessibility" novalidate>
        <CsrfField token={csrfToken} />
        <TextArea
          t={t}
          {...field("message")}
          label={a.messageLabel}
          rows={6}
          max={4000}
        />
        <TextInput
          t={t}
          {...field("pageUrl")}
          label={a.pageLabel}
          hint={a.pageHint}
          optional
        />
        <TextInput t={t} {...field("name")} label={a.nameLabel} optional autocomplete="name" />
        <TextInput
          t={t}
          {...field("email")}
          type="email"
          label={a.emailLabel}
          hint={a.emailHint}
          optional
          autocomplete="email"
          inputmode="email"
        />
        <button type="submit">{a.submit}</button>
      </form>
    </>
  );
}

function renderStatement(c: Context<PageEnv>, values: FeedbackInput = { message: "" }, errors: FieldErrors = {}) {
  const { t, lang, csrfToken } = c.var;
  const a = t.accessibility;
  return renderPage(
    c,
    {
      title: a.title,
      frame: { noindex: false, here: "/accessibility" },
      body: (
        <>
          <h1>{a.title}</h1>
          <p>{a.scope(formatDay(STATEMENT_DATE, lang, HOME_ZONE))}</p>
          <h2>{a.statusTitle}</h2>
          <p>{a.statusBody}</p>
          <h2>{a.gapsTitle}</h2>
          <ul>
            {a.gaps.map((g) => (
              <li>{g}</li>
            ))}
          </ul>
          <h2>{a.testedTitle}</h2>
          <p>{a.testedBody}</p>
          <h2 id="feedback">{a.feedbackTitle}</h2>
          <p>{a.feedbackBody}</p>
          <FeedbackForm t={t} csrfToken={csrfToken} values={values} errors={errors} />
          <h2>{a.enforcementTitle}</h2>
          <p>{a.enforcementBody}</p>
          <p>
            <a href={a.enforcementHref}>{a.enforcementLink}</a>
          </p>
        </>
      ),
    },
    Object.keys(errors).length ? 400 : 200,
  );
}

export const accessibilityPageRoutes = () => {
  const app = pageApp("/accessibility");
  app.get("/", (c) => renderStatement(c));
  app.post("/", async (c) => {
    const form = await readForm(c);
    const values = Object.fromEntries(FIELDS.map((f) => [f, form.get(f)])) as Required<FeedbackInput>;
    const address = [{ address: clientAddress(c) }];
    const limit = await checkLimit(c.var.deps, "feedback", address);
    if (limit.limited) return renderRateLimited(c, limit.retryAfterSeconds);
    const result = await submitFeedback(c.var.deps, values, c.var.lang);
    // Counted only once sent: a form with errors can be corrected as often as needed.
    if (result.ok) await countTowards(c.var.deps, "feedback", address);
    if (!result.ok) return renderStatement(c, values, fieldErrorsFromZod(result.error, c.var.t.validation));
    const { t, lang } = c.var;
    const day = (iso: string) => formatDay(iso, lang, HOME_ZONE);
    return renderMessage(c, {
      title: t.accessibility.thanksTitle,
      lines: [t.accessibility.thanksBody(day(result.feedback.receivedAt), day(result.feedback.answerBy))],
      frame: { here: "/accessibility" },
    });
  });
  return finish(app);
};
