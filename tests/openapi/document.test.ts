/** The OpenAPI document itself: valid 3.1, every answer listed, every input bounded. */
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../helpers/test-app.js";

type Json = Record<string, any>;
let t: TestApp;
let doc: Json;
beforeAll(async () => {
  t = await testApp();
  const res = await t.call("GET", "/openapi.json");
  expect(res.status).toBe(200);
  doc = res.body;
});
afterAll(() => t.close());

const operations = () =>
  Object.entries(doc.paths as Json).flatMap(([path, item]) =>
    Object.entries(item as Json).map(([method, op]) => ({ path, method, op: op as Json, name: `${method.toUpperCase()} ${path}` })),
  );

const resolve = (schema: Json): Json => {
  if (!schema.$ref) return schema;
  return doc.components.schemas[String(schema.$ref).replace("#/components/schemas/", "")];
};

/** Strings without a maximum and lists without a maximum anywhere in an input schema. */
function unbounded(schema: Json, at: string, seen = new Set<Json>()): string[] {
  const s = resolve(schema);
  if (seen.has(s)) return [];
  seen.add(s);
  const found: string[] = [];
  const types = ([] as string[]).concat(s.type ?? []);
  if (types.includes("string") && s.maxLength === undefined && s.enum === undefined && s.const === undefined && s.format !== "uuid") {
    found.push(`${at}: string without maxLength`);
  }
  if (types.includes("array") && s.maxItems === undefined) found.push(`${at}: array without maxItems`);
  for (const [key, sub] of Object.entries((s.properties ?? {}) as Json)) found.push(...unbounded(sub, `${at}.${key}`, seen));
  if (s.items) found.push(...unbounded(s.items, `${at}[]`, seen));
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) found.push(...unbounded(alt, at, seen));
  return found;
}

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document for an independent validator", async () => {
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("lists for every operation the errors any request can meet, in the one envelope", () => {
    const missing: string[] = [];
    for (const { name, method, path, op } of operations()) {
      const expected = [400, 429, 500, 503];
      if (op.security?.length) expected.push(401);
      if (path.includes("{")) expected.push(404);
      if (method !== "get") expected.push(413);
      if (op.requestBody) expected.push(415);
      for (const status of expected) {
        const schema = op.responses[status]?.content?.["application/json"]?.schema;
        if (schema?.$ref !== "#/components/schemas/Error") missing.push(`${name} ${status}`);
      }
      for (const status of [429, 503]) if (!op.responses[status]?.headers?.["Retry-After"]) missing.push(`${name} ${status} Retry-After`);
    }
    expect(missing).toEqual([]);
  });

  it("bounds every string and every list a client can send", () => {
    const found = operations().flatMap(({ name, op }) => [
      ...((op.parameters ?? []) as Json[]).flatMap((p) => unbounded(p.schema, `${name} ${p.in} ${p.name}`)),
      ...(op.requestBody ? unbounded(op.requestBody.content["application/json"].schema, `${name} body`) : []),
    ]);
    expect(found).toEqual([]);
  });

  it("pages every list of items", () => {
    // A consultation's messages are bounded by the consultation itself (a few kinds × recipients × rounds).
    const boundedByItsOwner = new Set(["GET /api/consultations/{id}/messages"]);
    const lists = operations().filter(({ name, method, op }) => {
      if (boundedByItsOwner.has(name)) return false;
      const schema = op.responses[200]?.content?.["application/json"]?.schema;
      return method === "get" && schema && resolve(schema).properties?.items;
    });
    expect(lists.map((l) => l.name).sort()).toEqual([
      "GET /api/admin/accessibility-feedback",
      "GET /api/admin/outbox",
      "GET /api/consultations",
      "GET /api/experts",
      "GET /api/groups",
      "GET /api/organisations",
      "GET /api/security-events",
      "GET /api/tokens",
      "GET /api/topics",
      "GET /api/webhooks",
    ]);
    for (const { name, op } of lists) {
      const params = ((op.parameters ?? []) as Json[]).map((p) => p.name);
      expect(params, name).toEqual(expect.arrayContaining(["limit", "cursor"]));
      expect((op.parameters as Json[]).find((p) => p.name === "limit")!.schema.maximum, name).toBe(100);
      expect(resolve(op.responses[200].content["application/json"].schema).required, name).toContain("nextCursor");
    }
  });
});
