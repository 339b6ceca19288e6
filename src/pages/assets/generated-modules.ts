/**
 * What the two generators (the pages' assets, Swagger UI) share: the source files become a small
 * manifest module (type and hash per file, imported by the Worker too) and a module of their bodies
 * that only Node imports; scripts/worker-assets.ts writes the bodies out as the Worker's static assets.
 */
import { createHash } from "node:crypto";

export interface StaticSource {
  name: string;
  type: string;
  body: string;
}

export const hashOf = (body: string) => createHash("sha256").update(body).digest("hex").slice(0, 12);

interface ModuleParts {
  /** Comment lines at the top (where from, how to regenerate). */
  header: string[];
  /** How the generated module imports ./static-files.ts. */
  staticFilesImport: string;
  exportName: string;
}

/** `export const <exportName>: Record<string, StaticFileInfo>`: each file's type and hash. */
export function manifestModule({ header, staticFilesImport, exportName }: ModuleParts, files: StaticSource[], extra: string[] = []): string {
  return [
    ...header,
    "/* eslint-disable */",
    `import type { StaticFileInfo } from ${JSON.stringify(staticFilesImport)};`,
    "",
    ...extra,
    `export const ${exportName}: Record<string, StaticFileInfo> = {`,
    ...files.map(({ name, type, body }) => `  ${JSON.stringify(name)}: { type: ${JSON.stringify(type)}, hash: ${JSON.stringify(hashOf(body))} },`),
    "};",
    "",
  ].join("\n");
}

/** `export const <exportName>: StaticBodies`: each file's body under `folder/name`. Node only. */
export function bodiesModule({ header, staticFilesImport, exportName }: ModuleParts, folder: string, files: StaticSource[]): string {
  return [
    ...header,
    "/* eslint-disable */",
    `import type { StaticBodies } from ${JSON.stringify(staticFilesImport)};`,
    "",
    `export const ${exportName}: StaticBodies = {`,
    ...files.map(({ name, body }) => `  ${JSON.stringify(`${folder}/${name}`)}: ${JSON.stringify(body)},`),
    "};",
    "",
  ].join("\n");
}
