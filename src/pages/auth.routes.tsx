import type { Context } from "hono";
import { deleteCookie, getCookie } from "hono/cookie";
import { clientAddress } from "../rate-limit/client-address.js";
import { finishOidcSignIn, oidcRedirectUri } from "../sign-in/oidc.service.js";
import { emailLinkIsLive, signInFailed, signInLimit, signInSucceeded, useSignInLink } from "../sign-in/sign-in.service.js";
import { CsrfField } from "./components/form.js";
import { finish, pageApp } from "./page-app.js";
import type { PageEnv } from "./page-env.js";
import { renderRateLimited } from "./rate-limited.js";
import { renderMessage } from "./render.js";
import { cookieOptions } from "./security.js";
import { homePath, loginPath, startSession, type Audience } from "./session.js";
import { OIDC_FLOW_COOKIE, OIDC_FLOW_PATH } from "./sign-in.js";

function refusal(c: Context<PageEnv>, kind: "unknown" | "failed" | "link", audience: Audience | null) {
  const s = c.var.t.signIn;
  const title = kind === "unknown" ? s.unknownTitle : kind === "link" ? s.linkInvalidTitle : s.failedTitle;
  const body = kind === "unknown" ? s.unknownBody : kind === "link" ? s.linkInvalidBody : s.failedBody;
  return renderMessage(
    c,
    {
      title,
      lines: [body],
      frame: { here: "/" },
      children: (
        <p>
          <a href={loginPath(audience ?? "member")}>{s.backToSignIn}</a>
        </p>
      ),
    },
    kind === "unknown" ? 403 : 400,
  );
}

/** Where the identity provider and e-mail links send the browser back: /auth/oidc/callback, /auth/email/:secret. */
export const authPageRoutes = () => {
  const app = pageApp("/auth");

  app.get("/oidc/callback", async (c) => {
    const deps = c.var.deps;
    const address = clientAddress(c);
    const limit = await signInLimit(deps, address);
    if (limit.limited) return renderRateLimited(c, limit.retryAfterSeconds);
    const flowKey = getCookie(c, OIDC_FLOW_COOKIE);
    deleteCookie(c, OIDC_FLOW_COOKIE, cookieOptions(c, OIDC_FLOW_PATH));
    // The registered redirect URI with the provider's parameters: behind a proxy the request's own URL differs.
    const callback = new URL(oidcRedirectUri(deps));
    callback.search = new URL(c.req.url).search;
    const outcome = await finishOidcSignIn(deps, flowKey, callback);
    if (!outcome.ok) {
      await signInFailed(deps, "oidc", address, outcome.reason, outcome.audience);
      return refusal(c, outcome.reason === "unknown" ? "unknown" : "failed", outcome.audience);
    }
    await startSession(c, outcome.subject);
    await signInSucceeded(deps, outcome.subject);
    return c.redirect(homePath(outcome.audience), 303);
  });

  // Opening the link only shows a button: mail scanners that fetch links must not use it up.
  app.get("/email/:secret", async (c) => {
    const deps = c.var.deps;
    const address = clientAddress(c);
    const limit = await signInLimit(deps, address);
    if (limit.limited) return renderRateLimited(c, limit.retryAfterSeconds);
    const secret = c.req.param("secret");
    const audience = await emailLinkIsLive(deps, secret);
    if (!audience) {
      await signInFailed(deps, "email", address, "link", null);
      return refusal(c, "link", null);
    }
    const s = c.var.t.signIn;
    return renderMessage(c, {
      title: s.linkTitle,
      lines: [s.linkBody],
      frame: { here: "/" },
      children: (
        <form method="post" action={`/auth/email/${secret}`}>
          <CsrfField token={c.var.csrfToken} />
          <button type="submit">{s.linkSubmit}</button>
        </form>
      ),
    });
  });

  app.post("/email/:secret", async (c) => {
    const deps = c.var.deps;
    const address = clientAddress(c);
    const limit = await signInLimit(deps, address);
    if (limit.limited) return renderRateLimited(c, limit.retryAfterSeconds);
    const subject = await useSignInLink(deps, c.req.param("secret"));
    if (!subject) {
      await signInFailed(deps, "email", address, "link", null);
      return refusal(c, "link", null);
    }
    await startSession(c, subject);
    await signInSucceeded(deps, subject);
    return c.redirect(homePath(subject.role), 303);
  });

  return finish(app);
};
