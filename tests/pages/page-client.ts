import type { TestApp } from "../helpers/test-app.js";

export interface PageResponse {
  status: number;
  headers: Headers;
  html: string;
  location: string | null;
}

/**
 * A browser in miniature for request-level page tests: it keeps cookies, sends forms with the
 * CSRF token from its cookie and the site's Origin, and does not follow redirects by itself.
 */
export class PageClient {
  readonly cookies = new Map<string, string>();
  constructor(
    private readonly t: Pick<TestApp, "app">,
    private readonly defaults: { acceptLanguage?: string; origin?: string; headers?: Record<string, string> } = {},
  ) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const headers: Record<string, string> = { ...this.defaults.headers, ...extra };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (this.defaults.acceptLanguage) headers["accept-language"] = this.defaults.acceptLanguage;
    return headers;
  }

  private remember(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair!.split("=");
      const v = value.join("=");
      if (/max-age=0/i.test(line) || v === "") this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), v);
    }
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<PageResponse> {
    const res = await this.t.app.request(path, { headers: this.headers(headers) });
    this.remember(res);
    return { status: res.status, headers: res.headers, html: await res.text(), location: res.headers.get("location") };
  }

  /** Posts a urlencoded form; `_csrf` defaults to the token in the cookie jar. */
  async post(
    path: string,
    fields: Record<string, string | string[]>,
    opts: { origin?: string | null; csrf?: string | null } = {},
  ): Promise<PageResponse> {
    if (!this.cookies.has("samrad_csrf")) await this.get("/accessibility");
    const body = new URLSearchParams();
    const csrf = opts.csrf === undefined ? this.cookies.get("samrad_csrf") : opts.csrf;
    if (csrf !== null && csrf !== undefined) body.append("_csrf", csrf);
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    const origin = opts.origin === undefined ? (this.defaults.origin ?? "http://localhost") : opts.origin;
    const headers = this.headers({ "content-type": "application/x-www-form-urlencoded", ...(origin ? { origin } : {}) });
    const res = await this.t.app.request(path, { method: "POST", headers, body: body.toString() });
    this.remember(res);
    return { status: res.status, headers: res.headers, html: await res.text(), location: res.headers.get("location") };
  }
}

/**
 * A client signed in on a login form with `token` (as a browser would, CSRF cookie first); throws
 * unless the sign-in answers 303. Without `acceptLanguage` it sends no Accept-Language.
 */
export async function signedIn(
  t: Pick<TestApp, "app">,
  login: "/app/login" | "/coordinator/login",
  token: string,
  acceptLanguage?: string,
): Promise<PageClient> {
  const client = new PageClient(t, { acceptLanguage });
  const res = await client.post(login, { token });
  if (res.status !== 303) throw new Error(`sign-in at ${login} failed: ${res.status}`);
  return client;
}

/** The text of the element with this id, tags stripped; undefined when there is none. */
export function textOf(html: string, id: string): string | undefined {
  const m = new RegExp(`<(\\w+)[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  return m ? m[2]!.replace(/<[^>]+>/g, "").trim() : undefined;
}

/** The value attribute of the input with this id. */
export function valueOf(html: string, id: string): string | undefined {
  const tag = new RegExp(`<input[^>]*\\bid="${id}"[^>]*>`).exec(html)?.[0];
  if (!tag) return undefined;
  return /\bvalue="([^"]*)"/.exec(tag)?.[1] ?? "";
}

/** The value of the selected option of the select with this id ("" for none selected). */
export function selectedOf(html: string, id: string): string | undefined {
  const select = new RegExp(`<select[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1];
  if (select === undefined) return undefined;
  return /<option value="([^"]*)" selected=""/.exec(select)?.[1] ?? "";
}
