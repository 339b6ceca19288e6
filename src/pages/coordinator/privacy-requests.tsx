import type { Context, Hono, MiddlewareHandler } from "hono";
import { z } from "zod";
import { erasePerson, exportPersonalData } from "../../privacy/privacy.service.js";
import { CsrfField, ErrorSummary, HintAndError, Notice, TextInput, type FieldErrors } from "../components/form.js";
import type { PageEnv } from "../page-env.js";
import { renderMessage, renderPage } from "../render.js";
import { readForm } from "../security.js";

const EmailSchema = z.email().max(320);

function renderRequests(c: Context<PageEnv>, opts: { email?: string; errors?: FieldErrors; notice?: string } = {}, status: 200 | 400 | 404 = 200) {
  const { t, csrfToken } = c.var;
  const p = t.privacy;
  const errors = opts.errors ?? {};
  const labels = { email: p.emailLabel, "export-email": p.emailLabel, confirm: p.confirmLabel };
  return renderPage(
    c,
    {
      title: p.adminTitle,
      frame: { area: "coordinator", here: "/coordinator/privacy" },
      body: (
        <>
          <h1>{p.adminTitle}</h1>
          {opts.notice ? <Notice kind="info">{opts.notice}</Notice> : null}
          <ErrorSummary t={t} errors={errors} labels={labels} />
          <p class="lead">{p.adminIntro}</p>
          <section aria-labelledby="export-title">
            <h2 id="export-title">{p.exportTitle}</h2>
            <p>{p.exportBody}</p>
            {/* POST, so that the address stays out of URLs, histories and proxy logs. */}
            <form method="post" action="/coordinator/privacy/export" novalidate>
              <CsrfField token={csrfToken} />
              <TextInput t={t} id="export-email" name="email" type="email" label={p.emailLabel} hint={p.emailHint} value={opts.email} error={errors["export-email"]} />
              <button type="submit">{p.exportButton}</button>
            </form>
          </section>
          <section aria-labelledby="erase-title">
            <h2 id="erase-title">{p.eraseTitle}</h2>
            <p>{p.eraseBody}</p>
            <form method="post" action="/coordinator/privacy/erase" novalidate>
              <CsrfField token={csrfToken} />
              <TextInput t={t} id="email" name="email" type="email" label={p.emailLabel} hint={p.emailHint} value={opts.email} error={errors.email} />
              <div class={errors.confirm ? "field field-invalid" : "field"}>
                <HintAndError id="confirm" error={errors.confirm} />
                <input type="checkbox" id="confirm" name="confirm" value="yes" aria-describedby={errors.confirm ? "confirm-error" : undefined} />{" "}
                <label for="confirm">{p.confirmLabel}</label>
              </div>
              <button type="submit" class="button-danger">
                {p.eraseButton}
              </button>
            </form>
          </section>
        </>
      ),
    },
    status,
  );
}

/**
 * The coordinator's export and erasure page: a client of the same privacy service as
 * GET /api/privacy/export and POST /api/privacy/erasure.
 */
export function addPrivacyRequests(app: Hono<PageEnv>, coordinator: MiddlewareHandler<PageEnv>) {
  app.get("/privacy", coordinator, (c) => renderRequests(c));

  app.post("/privacy/export", coordinator, async (c) => {
    const email = (await readForm(c)).get("email").trim();
    if (!EmailSchema.safeParse(email).success) return renderRequests(c, { email, errors: { "export-email": c.var.t.validation.email } }, 400);
    const result = await exportPersonalData(c.var.deps, { email });
    if (!result.ok) return renderRequests(c, { email, notice: c.var.t.privacy.notFound }, 404);
    const day = result.value.exportedAt.slice(0, 10);
    return c.body(JSON.stringify(result.value, null, 2), 200, {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="samrad-personal-data-${day}.json"`,
    });
  });

  app.post("/privacy/erase", coordinator, async (c) => {
    const form = await readForm(c);
    const email = form.get("email").trim();
    const p = c.var.t.privacy;
    const errors: FieldErrors = {};
    if (!EmailSchema.safeParse(email).success) errors.email = c.var.t.validation.email;
    if (form.get("confirm") !== "yes") errors.confirm = p.confirmRequired;
    if (Object.keys(errors).length > 0) return renderRequests(c, { email, errors }, 400);
    const principal = c.var.principal;
    const result = await erasePerson(c.var.deps, principal, { email });
    if (!result.ok) {
      if (result.code === "NOT_FOUND") return renderRequests(c, { email, notice: p.notFound }, 404);
      return renderMessage(c, { title: p.refusedTitle, lines: [p.refused], frame: { area: "coordinator" } }, 409);
    }
    const r = result.value;
    return renderMessage(c, {
      title: p.erasedTitle,
      lines: [p.erased(r.memberIds.length, r.expertIds.length, r.accessibilityFeedback)],
      frame: { area: "coordinator" },
    });
  });
}
