import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core's full default rule set (WCAG 2.0/2.1 A and AA and best practices) on the page
 * as it is now. axe is evaluated through the DevTools protocol: the page's CSP forbids injected
 * inline scripts, as it should.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: any[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id as string,
      impact: v.impact as string | null,
      help: v.help as string,
      nodes: (v.nodes as { target: string[] }[]).slice(0, 5).map((n) => n.target.join(" ")),
    }));
  });
}

/** The pages a file checked, printed at its end, so the run shows what axe looked at. */
export class AxeLog {
  readonly checked: string[] = [];
  async check(page: Page, label: string): Promise<AxeViolation[]> {
    const violations = await axeViolations(page);
    const lang = await page.evaluate(() => document.documentElement.lang);
    this.checked.push(
      `${lang}  ${label.padEnd(34)} ${new URL(page.url()).pathname.replace(/smr_e_[\w-]+/, "smr_e_…")}  ${violations.length} violations`,
    );
    return violations;
  }
  print(file: string) {
    console.log(`axe-core checked ${this.checked.length} pages in ${file}:\n  ${this.checked.join("\n  ")}`);
  }
}
