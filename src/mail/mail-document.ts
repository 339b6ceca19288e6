import { html, raw } from "hono/html";
import type { Lang } from "../pages/i18n/index.js";

/**
 * A message as a few blocks, rendered twice: plain text, and HTML with `lang`, real headings
 * and links, readable without images or styles. One model, so both say the same.
 */
export type Block =
  | { kind: "p"; text: string }
  | { kind: "h2"; text: string }
  | { kind: "ul"; items: string[] }
  | { kind: "ol"; items: string[] }
  | { kind: "link"; label: string; href: string };

export interface MailDocument {
  lang: Lang;
  subject: string;
  blocks: Block[];
  footer: string;
}

export function renderText(doc: MailDocument): string {
  const parts = doc.blocks.map((b) => {
    switch (b.kind) {
      case "p":
        return b.text;
      case "h2":
        return `${b.text}:`;
      case "ul":
        return b.items.map((i) => `- ${i}`).join("\n");
      case "ol":
        return b.items.map((i, n) => `${n + 1}. ${i}`).join("\n");
      case "link":
        return `${b.label}:\n${b.href}`;
    }
  });
  return [...parts, "--", doc.footer].join("\n\n") + "\n";
}

export function renderHtml(doc: MailDocument): string {
  const body = doc.blocks.map((b) => {
    switch (b.kind) {
      case "p":
        return html`<p>${b.text}</p>`;
      case "h2":
        return html`<h2>${b.text}</h2>`;
      case "ul":
        return html`<ul>${b.items.map((i) => html`<li>${i}</li>`)}</ul>`;
      case "ol":
        return html`<ol>${b.items.map((i) => html`<li>${i}</li>`)}</ol>`;
      case "link":
        return html`<p><a href="${b.href}">${b.label}</a></p>`;
    }
  });
  return String(
    html`<!doctype html>
<html lang="${doc.lang}">
<head><meta charset="utf-8"><title>${doc.subject}</title></head>
<body>
<h1>${doc.subject}</h1>
${raw(body.map(String).join("\n"))}
<hr>
<p><small>${doc.footer}</small></p>
</body>
</html>`,
  );
}
