import type { Context, Hono } from "hono";
import { CsrfField, ErrorSummary, Notice, TextInput } from "./components/form.js";
import type { PageEnv } from "./page-env.js";
import { renderPage } from "./render.js";
import { readForm } from "./security.js";
import { loginPath, signInWithToken, signOut, type Audience } from "./session.js";

function renderSignIn(c: Context<PageEnv>, audience: Audience, opts: { error?: string; notice?: string } = {}, status: 200 | 400 = 200) {
  const t = c.var.t;
  const title = audience === "member" ? t.login.memberTitle : t.login.coordinatorTitle;
  const hint = audience === "member" ? t.login.memberHint : t.login.coordinatorHint;
  return renderPage(
    c,
    {
      title,
      frame: { here: loginPath(audience) },
      body: (
        <>
          <h1>{title}</h1>
          {opts.notice ? <Notice>{opts.notice}</Notice> : null}
          <ErrorSummary t={t} errors={opts.error ? { token: opts.error } : {}} labels={{ token: t.login.tokenLabel }} />
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
              error={opts.error}
            />
            <button type="submit">{t.login.submit}</button>
          </form>
        </>
      ),
    },
    status,
  );
}

/** /login and /logout under the audience's prefix; a signed-in user lands on `home`. */
export function addSignIn(app: Hono<PageEnv>, audience: Audience, home: string) {
  app.get("/login", (c) => renderSignIn(c, audience, { notice: c.req.query("signedOut") ? c.var.t.login.signedOut : undefined }));

  app.post("/login", async (c) => {
    const token = (await readForm(c)).get("token").trim();
    const v = c.var.t.validation;
    if (!token) return renderSignIn(c, audience, { error: v.required }, 400);
    const result = await signInWithToken(c, audience, token);
    if (result === "ok") return c.redirect(home, 303);
    return renderSignIn(c, audience, { error: result === "unknown" ? v.tokenUnknown : v.tokenWrongRole }, 400);
  });

  app.post("/logout", (c) => {
    signOut(c, audience);
    return c.redirect(`${loginPath(audience)}?signedOut=1`, 303);
  });
}
