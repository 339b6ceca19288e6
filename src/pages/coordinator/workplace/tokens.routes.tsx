import type { Hono, MiddlewareHandler } from "hono";
import { decodeCursor } from "../../../lib/paging.js";
import { revokeToken, tokensPage, tokenState, type TokenListing } from "../../../tokens/tokens.service.js";
import { DataTable } from "../../components/data-table.js";
import { CsrfField, Notice } from "../../components/form.js";
import { formatDateTime } from "../../i18n/format.js";
import type { Lang, Messages } from "../../i18n/index.js";
import type { PageEnv } from "../../page-env.js";
import { renderNotFound } from "../../render.js";
import { COORDINATOR_ZONE } from "./consultations.view.js";
import { renderWorkplace } from "./controls.js";

const TOKENS_PER_PAGE = 50;

function TokensView(p: { t: Messages; lang: Lang; csrfToken: string; items: TokenListing[]; nextCursor: string | null; paged: boolean; now: Date; notice?: string }) {
  const k = p.t.tokenList;
  const when = (iso: string | null, none: string) => (iso ? formatDateTime(iso, p.lang, COORDINATOR_ZONE) : none);
  return (
    <>
      <h1 id="tokens-title">{k.title}</h1>
      {p.notice ? <Notice>{p.notice}</Notice> : null}
      <p>{k.intro}</p>
      {p.items.length === 0 ? (
        <p>{k.empty}</p>
      ) : (
        <DataTable
          labelledBy="tokens-title"
          columns={[{ label: k.label }, { label: k.role }, { label: k.member }, { label: k.created }, { label: k.lastUsed }, { label: k.expires }, { label: k.state }, { label: k.action }]}
        >
          {p.items.map((tok) => {
            const state = tokenState(tok, p.now);
            return (
              <tr data-token-id={tok.id}>
                {/* A member token's stored label is "member <id>": the member column names them instead. */}
                <td>{tok.role === "member" ? p.t.common.none : tok.label}</td>
                <td>{k.roles[tok.role]}</td>
                <td>
                  {tok.memberName && tok.groupId ? (
                    <>
                      {tok.memberName}
                      <br />
                      <a href={`/coordinator/groups/${tok.groupId}`}>{tok.groupName}</a>
                    </>
                  ) : (
                    p.t.common.none
                  )}
                </td>
                <td>{formatDateTime(tok.createdAt, p.lang, COORDINATOR_ZONE)}</td>
                <td>{when(tok.lastUsedAt, k.never)}</td>
                <td>{when(tok.expiresAt, k.noExpiry)}</td>
                <td>{k.states[state]}</td>
                <td>
                  {state === "active" ? (
                    <form method="post" action={`/coordinator/tokens/${tok.id}/revoke`}>
                      <CsrfField token={p.csrfToken} />
                      <button type="submit" class="button-danger" aria-label={k.revokeNamed(tok.memberName ?? tok.label)}>
                        {k.revoke}
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
      <p>
        {p.paged ? <a href="/coordinator/tokens">{k.newest}</a> : null} {p.nextCursor ? <a href={`/coordinator/tokens?cursor=${encodeURIComponent(p.nextCursor)}`}>{k.next}</a> : null}
      </p>
    </>
  );
}

/** Every API token, on the same service as GET /api/tokens; revoking is the API's revocation. */
export function addTokenPages(app: Hono<PageEnv>, coordinator: MiddlewareHandler<PageEnv>) {
  app.get("/tokens", coordinator, async (c) => {
    const { deps, t, lang, csrfToken } = c.var;
    const raw = c.req.query("cursor");
    // A cursor this list did not give out starts from the newest, as a page has no error to show.
    const after = raw ? decodeCursor("tokens", raw.slice(0, 600), 2) : null;
    const page = await tokensPage(deps, after ? { limit: TOKENS_PER_PAGE, after } : { limit: TOKENS_PER_PAGE });
    const notice = c.req.query("done") === "revoked" ? t.tokenList.revoked : undefined;
    return renderWorkplace(
      c,
      t.tokenList.title,
      <TokensView t={t} lang={lang} csrfToken={csrfToken} items={page.items} nextCursor={page.nextCursor} paged={after !== null} now={deps.clock.now()} notice={notice} />,
    );
  });

  app.post("/tokens/:id/revoke", coordinator, async (c) => {
    const id = c.req.param("id").slice(0, 64);
    const result = await revokeToken(c.var.deps, c.var.principal, id);
    if (!result.ok) return renderNotFound(c);
    return c.redirect("/coordinator/tokens?done=revoked", 303);
  });
}
