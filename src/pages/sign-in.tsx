import type { Context, Hono } from "hono";
import { setCookie } from "hono/cookie";
import { z } from "zod";
import { clientAddress } from "../rate-limit/client-address.js";
import { startOidcSignIn } from "../sign-in/oidc.service.js";
import {
  emailLinksAvailable,
  requestEmailLink,
  signInFailed,
  signInLimit,
  signInSucceeded,
  subjectForToken,
} from "../sign-in/sign-in.service.js";
import { CsrfField, ErrorSummary, Notice, TextInput } from "./components/form.js";
import type { PageEnv } from "./page-env.js";
import { renderRateLimited, runLater } from "./rate-limited.js";
import { renderMessage, renderPage } from "./render.js";
import { cookieOptions, readForm } from "./security.js";
import { homePath, loginPath, signOut, startSession, type Audience } from "./session.js";

/** The browser's half of an OpenID Connect flow; read back by /auth/oidc/callback. */
export const OIDC_FLOW_COOKIE = "samrad_oidc";
export const OIDC_FLOW_PATH = "/auth/oidc";

type Errors = { token?: string; email?: string };

function renderSignIn(
  c: Context<PageEnv>,
  audience: Audience,
  opts: { errors?: Errors; notice?: string; email?: string } = {},
  status: 200 | 400 = 200,
) {
  const t = c.var.t;
  const s = t.signIn;
  const title = audience === "member" ? t.login.memberTitle : t.login.coordinatorTitle;
  const hint = audience === "member" ? t.login.memberHint : t.login.coordinatorHint;
  const errors = opts.errors ?? {};
  const oidc = c.var.deps.config.signIn.oidc !== null;
  const email = emailLinksAvailable(c.var.deps);
  return renderPage(
    c,
    {
      title,
      frame: { here: loginPath(audience) },
      body: (
        <>
          <h1>{title}</h1>
          {opts.notice ? <Notice>{opts.notice}</Notice> : null}
          <ErrorSummary t={t} errors={errors} labels={{ token: t.login.tokenLabel, email: s.emailLabel }} />
          {oidc ? (
            <p>
              <a class="button" href={`${loginPath(audience)}/microsoft`} id="sign-in-microsoft">
                {s.microsoftButton}
              </a>
            </p>
          ) : null}
          {email ? (
            <section aria-labelledby="email-title">
              <h2 id="email-title">{s.emailTitle}</h2>
              <form method="post" action={`${loginPath(audience)}/email`} novalidate>
                <CsrfField token={c.var.csrfToken} />
                <TextInput
                  t={t}
                  id="email"
                  name="email"
                  type="email"
                  autocomplete="email"
                  label={s.emailLabel}
                  hint={s.emailHint}
                  value={opts.email}
                  error={errors.email}
                />
                <button type="submit">{s.emailSubmit}</button>
              </form>
            </section>
          ) : null}
          <section aria-labelledby="token-title">
            {oidc || email ? <h2 id="token-title">{s.tokenTitle}</h2> : <h2 id="token-title" class="visually-hidden">{s.tokenTitle}</h2>}
            <p>{t.login.intro}</p>
            <form method="post" action={loginPath(audience)} novalidate>
              <CsrfField token={c.var.csrfToken} />
              {/* A secret is never written back into the page, even after an error. */}
              <TextInput
                t={t}
                id="token"
                name="token"
                type="password"
                autocomplete="current-password"
                label={t.login.tokenLabel}
                hint={hint}
                error={errors.token}
              />
              <button type="submit">{t.login.submit}</button>
            </form>
          </section>
        </>
      ),
    },
    status,
  );
}

const EmailSchema = z.email().max(320);

/** /login (token form, e-mail link, Microsoft account) and /logout under the audience's prefix. */
export function addSignIn(app: Hono<PageEnv>, audience: Audience, home: string = homePath(audience)) {
  app.get("/login", (c) => renderSignIn(c, audience, { notice: c.req.query("signedOut") ? c.var.t.login.signedOut : undefined }));

  app.post("/login", async (c) => {
    const deps = c.var.deps;
    const address = clientAddress(c);
    const limit = await signInLimit(deps, address);
    if (limit.limited) return renderRateLimited(c, limit.retryAfterSeconds);
    const token = (await readForm(c)).get("token").trim();
    const v = c.var.t.validation;
    if (!token) return renderSignIn(c, audience, { errors: { token: v.required } }, 400);
    const result = await subjectForToken(deps, audience, token);
    if (!result.ok) {
      await signInFailed(deps, "token", address, result.reason, audience);
      return renderSignIn(c, audience, { errors: { token: result.reason === "unknown" ? v.tokenUnknown : v.tokenWrongRole } }, 400);
    }
    await startSession(c, result.subject);
    await signInSucceeded(deps, result.subject);
    return c.redirect(home, 303);
  });

  app.post("/login/email", async (c) => {
    const deps = c.var.deps;
    if (!emailLinksAvailable(deps)) return c.redirect(loginPath(audience), 303);
    const email = (await readForm(c)).get("email").trim();
    const s = c.var.t.signIn;
    if (!EmailSchema.safeParse(email).success) {
      return renderSignIn(c, audience, { errors: { email: email ? s.emailInvalid : c.var.t.validation.required }, email }, 400);
    }
    const limited = await requestEmailLink(
      deps,
      { audience, email, address: clientAddress(c), mail: { subject: s.mailSubject, body: s.mailBody } },
      runLater(c),
    );
    if (limited.limited) return renderRateLimited(c, limited.retryAfterSeconds);
    return renderMessage(c, { title: s.emailSentTitle, lines: [s.emailSentBody], frame: { here: loginPath(audience) } });
  });

  app.get("/login/microsoft", async (c) => {
    if (!c.var.deps.config.signIn.oidc) return c.redirect(loginPath(audience), 303);
    const flow = await startOidcSignIn(c.var.deps, audience);
    setCookie(c, OIDC_FLOW_COOKIE, flow.flowKey, cookieOptions(c, OIDC_FLOW_PATH, flow.maxAgeSeconds));
    return c.redirect(flow.redirectTo, 303);
  });

  app.post("/logout", async (c) => {
    await signOut(c, audience);
    return c.redirect(`${loginPath(audience)}?signedOut=1`, 303);
  });
}
