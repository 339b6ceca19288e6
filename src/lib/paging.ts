import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ExpressionBuilder } from "kysely";

/** The most items one page of any list holds. */
export const PAGE_LIMIT_MAX = 100;

type KeyValue = string | number;

/** Where the previous page ended: the sort key of its last item, for the list it came from. */
export interface PageRequest {
  limit: number;
  after?: KeyValue[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const toBase64Url = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const fromBase64Url = (b64: string) =>
  new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(Uint8Array.from(atob(b64.replace(/-/g, "+").replace(/_/g, "/")), (ch) => ch.charCodeAt(0)));

/** Opaque to clients; names its list, so that a cursor from one list is refused by another. */
export function encodeCursor(list: string, key: readonly KeyValue[]): string {
  return toBase64Url(JSON.stringify([list, ...key]));
}

export function decodeCursor(list: string, cursor: string, arity: number): KeyValue[] | null {
  try {
    const parsed: unknown = JSON.parse(fromBase64Url(cursor));
    if (!Array.isArray(parsed) || parsed[0] !== list || parsed.length !== arity + 1) return null;
    const key = parsed.slice(1);
    return key.every((v) => (typeof v === "string" && v.length <= 200) || (typeof v === "number" && Number.isSafeInteger(v))) ? key : null;
  } catch {
    return null;
  }
}

/**
 * The `limit` and `cursor` query parameters of a list whose order has `arity` key columns.
 * A cursor that is not one this list gave out is a 400.
 */
export function pageQuery(list: string, arity: number, defaultLimit = PAGE_LIMIT_MAX) {
  return {
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(PAGE_LIMIT_MAX)
      .default(defaultLimit)
      .openapi({ param: { name: "limit", in: "query" }, description: `At most ${PAGE_LIMIT_MAX} items per page` }),
    cursor: z
      .string()
      .max(600)
      .optional()
      .transform((value, ctx) => {
        if (value === undefined) return undefined;
        const key = decodeCursor(list, value, arity);
        if (!key) {
          ctx.addIssue({ code: "custom", message: "is not a cursor from this list: use nextCursor as it was given" });
          return z.NEVER;
        }
        return key;
      })
      .openapi({ param: { name: "cursor", in: "query" }, description: "nextCursor of the previous page", type: "string", maxLength: 600 }),
  };
}

/** The page request from a validated query. */
export const pageRequest = (q: { limit: number; cursor?: KeyValue[] }): PageRequest => (q.cursor ? { limit: q.limit, after: q.cursor } : { limit: q.limit });

/** A page's answer: `{ items, nextCursor }`, nextCursor null on the last page. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().openapi({ description: "Pass as cursor for the next page; null on the last page" }),
  });
}

export const nextLinkHeader = {
  Link: { description: 'The next page, as `<…>; rel="next"`, when there is one', schema: { type: "string" as const } },
};

export interface KeyColumn {
  column: string;
  desc?: boolean;
}

/**
 * The rows after a cursor in a keyset order: (a > x) or (a = x and b > y) ..., with the
 * direction of each column. The cursor's values are bound, never spliced.
 */
export function afterKey(order: readonly KeyColumn[], key: readonly KeyValue[]) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- every list's table
  return (eb: ExpressionBuilder<any, any>) =>
    eb.or(
      order.map((o, i) =>
        eb.and([...order.slice(0, i).map((p, j) => eb(eb.ref(p.column), "=", key[j])), eb(eb.ref(o.column), o.desc ? "<" : ">", key[i])]),
      ),
    );
}

/**
 * Cuts the rows read with limit + 1 to one page. The cursor holds the last item's sort key.
 *
 * @example const page = toPage("topics", await q.limit(p.limit + 1).execute(), p.limit, (t) => [t.createdAt, t.id]);
 */
export function toPage<T>(list: string, rows: T[], limit: number, keyOf: (row: T) => KeyValue[]): Page<T> {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  return { items, nextCursor: encodeCursor(list, keyOf(items[items.length - 1]!)) };
}

/** Maps the items of a page, keeping its cursor. */
export const mapPage = <T, U>(page: Page<T>, f: (item: T) => U): Page<U> => ({ items: page.items.map(f), nextCursor: page.nextCursor });

/** Sets `Link: <…>; rel="next"` (RFC 8288) from the request's own address, for clients that follow links. */
export function linkNext(c: Context, nextCursor: string | null): void {
  if (!nextCursor) return;
  const url = new URL(c.req.url);
  url.searchParams.set("cursor", nextCursor);
  c.header("link", `<${url.pathname}${url.search}>; rel="next"`);
}
