import type { Child } from "hono/jsx";
import { LANGUAGES, catalogues, type Lang, type Messages } from "../i18n/index.js";
import { assetUrl } from "../assets/asset-urls.js";
import { CsrfField } from "./form.js";

/** What every page needs from the request to draw its frame. */
export interface PageFrame {
  lang: Lang;
  t: Messages;
  csrfToken: string;
  /** Path and query of the page as a GET would show it; the language links point here. */
  here: string;
  area?: "member" | "coordinator";
  /** Search engines have no business with links, consultations or sign-in pages. */
  noindex?: boolean;
  /** The signed-in member and their group, shown beside the sign-out button. */
  signedIn?: { name: string; group: string };
  /** Extra script assets, in order, e.g. the charting library and the code that draws with it. */
  scripts?: string[];
}

export function languageHref(here: string, lang: Lang): string {
  const url = new URL(here, "http://x");
  url.searchParams.set("lang", lang);
  return url.pathname + url.search;
}

function LanguageSwitch({ frame }: { frame: PageFrame }) {
  return (
    <nav class="lang-switch" aria-label={frame.t.layout.languageNav}>
      <ul>
        {LANGUAGES.map((l) => (
          <li>
            <a href={languageHref(frame.here, l)} lang={l} hreflang={l} aria-current={l === frame.lang ? "true" : undefined}>
              {capitalise(catalogues[l].meta.languageName)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function AreaNav({ frame }: { frame: PageFrame }) {
  const t = frame.t.layout;
  if (!frame.area) return null;
  const links =
    frame.area === "member"
      ? [
          { href: "/app", text: t.myConsultations },
          { href: "/app/new", text: t.newConsultation },
        ]
      : [
          { href: "/coordinator", text: frame.t.workplace.nav.report },
          { href: "/coordinator/directory", text: frame.t.workplace.nav.directory },
          { href: "/coordinator/themes", text: frame.t.themeList.nav },
          { href: "/coordinator/groups", text: frame.t.workplace.nav.groups },
          { href: "/coordinator/tokens", text: frame.t.tokenList.nav },
          { href: "/coordinator/consultations", text: frame.t.workplace.nav.consultations },
          { href: "/coordinator/programmes", text: frame.t.programmeList.nav },
          { href: "/coordinator/outbox", text: frame.t.workplace.nav.outbox },
          { href: "/coordinator/feedback", text: frame.t.workplace.nav.feedback },
          { href: "/coordinator/security-events", text: frame.t.signIn.eventsLink },
          { href: "/coordinator/privacy", text: frame.t.privacy.adminNav },
        ];
  return (
    <nav class="area-nav" aria-label={t.mainNav}>
      <div class="wrap area-nav-inner">
        <ul>
          {links.map((l) => (
            <li>
              <a href={l.href}>{l.text}</a>
            </li>
          ))}
        </ul>
        {frame.signedIn ? <p class="signed-in">{frame.t.lifecycle.signedInAs(frame.signedIn.name, frame.signedIn.group)}</p> : null}
        <form method="post" action={frame.area === "member" ? "/app/logout" : "/coordinator/logout"} class="sign-out">
          <CsrfField token={frame.csrfToken} />
          <button type="submit" class="button-link">
            {t.signOut}
          </button>
        </form>
      </div>
    </nav>
  );
}

export function Layout({ frame, title, children }: { frame: PageFrame; title: string; children?: Child }) {
  const t = frame.t.layout;
  return (
    <html lang={frame.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {frame.noindex ? <meta name="robots" content="noindex, nofollow" /> : null}
        <title>{`${title} – ${t.serviceName}`}</title>
        <link rel="stylesheet" href={assetUrl("styles.css")} />
        <link rel="icon" href={assetUrl("favicon.svg")} type="image/svg+xml" />
        <script src={assetUrl("enhance.js")} defer></script>
        {(frame.scripts ?? []).map((name) => (
          <script src={assetUrl(name)} defer></script>
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t.skipToContent}
        </a>
        <header class="site-header">
          <div class="wrap site-header-inner">
            <a class="brand" href="/">
              <span class="brand-name">{t.serviceName}</span>
              <span class="brand-tagline">{t.tagline}</span>
            </a>
            <LanguageSwitch frame={frame} />
          </div>
          <AreaNav frame={frame} />
        </header>
        <main id="main" tabindex={-1}>
          <div class="wrap">{children}</div>
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <nav aria-label={t.footerNav}>
              <ul>
                <li>
                  <a href="/accessibility">{t.accessibilityLink}</a>
                </li>
                <li>
                  <a href="/privacy">{frame.t.privacy.footerLink}</a>
                </li>
              </ul>
            </nav>
            <p>{t.footerNote}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
