import type { Hono } from "hono";
import type { MiddlewareHandler } from "hono";
import { securityEventsPage } from "../../security-events/security-events.service.js";
import { decodeCursor } from "../../lib/paging.js";
import { DataTable } from "../components/data-table.js";
import { formatDateTime } from "../i18n/format.js";
import type { PageEnv } from "../page-env.js";
import { renderPage } from "../render.js";

const PAGE_SIZE = 50;

/** /coordinator/security-events: the same page of events as GET /api/security-events. */
export function addSecurityEventsPage(app: Hono<PageEnv>, coordinator: MiddlewareHandler<PageEnv>) {
  app.get("/security-events", coordinator, async (c) => {
    const { deps, t, lang } = c.var;
    const s = t.signIn;
    // A cursor that is not one this page gave out starts again at the newest events.
    const cursor = c.req.query("cursor");
    const after = cursor && cursor.length <= 600 ? decodeCursor("security-events", cursor, 1) : null;
    const page = await securityEventsPage(deps, after ? { limit: PAGE_SIZE, after } : { limit: PAGE_SIZE });
    const body = (
      <>
        <h1 id="events-title">{s.eventsTitle}</h1>
        <p class="lead">{s.eventsIntro}</p>
        {page.items.length === 0 ? (
          <p>{s.eventsEmpty}</p>
        ) : (
          <DataTable
            labelledBy="events-title"
            columns={[{ label: s.columns.at }, { label: s.columns.kind }, { label: s.columns.method }, { label: s.columns.who }, { label: s.columns.detail }]}
          >
            {page.items.map((e) => (
              <tr>
                <td>{formatDateTime(e.at, lang, "Europe/Helsinki")}</td>
                <td>{s.kinds[e.kind] ?? e.kind}</td>
                <td>{e.method ? s.methods[e.method] : ""}</td>
                <td>{e.actorType ? `${e.actorType}${e.actorId ? ` ${e.actorId}` : ""}` : ""}</td>
                <td>
                  <code>{Object.entries(e.detail).map(([k, v]) => `${k}=${String(v)}`).join(" ")}</code>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <p>
          {after ? <a href="/coordinator/security-events">{s.eventsNewest}</a> : null}{" "}
          {page.nextCursor ? <a href={`/coordinator/security-events?cursor=${encodeURIComponent(page.nextCursor)}`}>{s.eventsOlder}</a> : null}
        </p>
      </>
    );
    return renderPage(c, { title: s.eventsTitle, body, frame: { area: "coordinator" } });
  });
}
