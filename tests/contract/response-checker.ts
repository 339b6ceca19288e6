/**
 * Checks an answer against the OpenAPI document: the operation is found by method and path
 * template, the status must be documented for it, and a JSON body must match that status's schema.
 * Plain ajv (draft 2020-12, the dialect of OpenAPI 3.1), so that it runs on Node and in workerd alike.
 */
import Ajv2020 from "ajv/dist/2020.js";
import type { ValidateFunction } from "ajv";

interface Operation {
  template: string;
  responses: Record<string, { content?: Record<string, unknown> }>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Operation["responses"] }>>;
  components?: unknown;
}

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

export class ResponseChecker {
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly templates: { template: string; pattern: RegExp; params: number }[];

  constructor(private readonly doc: OpenApiDocument) {
    this.ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: false });
    this.ajv.addSchema(doc as object, "openapi.json");
    // A literal segment beats a parameter: /api/consultations/suggestions is not /api/consultations/{id}.
    this.templates = Object.keys(doc.paths)
      .map((template) => ({
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`),
        params: (template.match(/\{/g) ?? []).length,
      }))
      .sort((a, b) => a.params - b.params);
  }

  /** The documented operation for a request, or null when the document has none. */
  operation(method: string, path: string): Operation | null {
    const bare = path.split("?")[0]!;
    for (const t of this.templates) {
      const op = this.doc.paths[t.template]?.[method.toLowerCase()];
      if (op && t.pattern.test(bare)) return { template: t.template, responses: op.responses };
    }
    return null;
  }

  /**
   * What is wrong with an answer, or [] when the document describes it. An undocumented path
   * must answer the error envelope.
   */
  problems(method: string, path: string, status: number, contentType: string, body: unknown): string[] {
    const op = this.operation(method, path);
    if (!op) {
      if (!path.startsWith("/api/")) return [];
      return this.validate("openapi.json#/components/schemas/Error", body, `${method} ${path} (no operation) ${status}`);
    }
    const where = `${method} ${op.template} ${status}`;
    const response = op.responses[String(status)] ?? op.responses.default;
    if (!response) return [`${where}: status not documented`];
    if (status === 204 || status === 304) return [];
    const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
    const content = response.content ?? {};
    if (!(mediaType in content)) return [`${where}: content type ${mediaType || "(none)"} not documented (${Object.keys(content).join(", ")})`];
    if (!mediaType.includes("json")) return [];
    const key = op.responses[String(status)] ? String(status) : "default";
    const ref = `openapi.json#/${pointer("paths", op.template, method.toLowerCase(), "responses", key, "content", mediaType, "schema")}`;
    return this.validate(ref, body, where);
  }

  private validate(ref: string, body: unknown, where: string): string[] {
    let validate = this.validators.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: ref });
      this.validators.set(ref, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${where}: ${e.instancePath || "(body)"} ${e.message ?? "invalid"}`);
  }
}
