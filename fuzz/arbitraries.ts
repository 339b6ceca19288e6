/** fast-check arbitraries for requests, from the JSON Schemas in the OpenAPI document, plus hostile values. */
import fc from "fast-check";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON Schema as parsed from the document
export type Schema = Record<string, any>;

/** Values that once broke the service, or break services like it. */
export const HOSTILE_STRINGS = [
  "+275760-09-13T00:00:00.000Z",
  "-271821-04-20T00:00:00.000Z",
  "9999-12-31T23:55:00Z",
  "0000-01-01T00:00:00Z",
  "2027-02-30T10:00:00Z",
  "2027-03-08T10:00:00",
  "2027-03-08T25:00:00Z",
  "",
  " ",
  "\u0000",
  "\uFEFF",
  "\uD800",
  "'; drop table consultations; --",
  "../../etc/passwd",
  "%00%ff",
  "<script>alert(1)</script>",
  "NaN",
  "Infinity",
  "-0",
  "1e309",
  "__proto__",
  "constructor",
  "smr_e_" + "x".repeat(43),
  "𝕏".repeat(300),
  "a".repeat(5000),
];

export const HOSTILE_JSON: unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  -1e308,
  2 ** 53 + 1,
  0.5,
  [],
  {},
  [[[[[[[[[[]]]]]]]]]],
  { __proto__: { polluted: true } },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  { constructor: { prototype: { polluted: true } } },
];

/** A valid-looking instant near the service's now, on the 5-minute grid, sometimes in the past. */
export const instantArb = (now: number) =>
  fc.integer({ min: -30, max: 400 }).chain((days) =>
    fc.integer({ min: 0, max: 287 }).map((slot) => new Date(Math.floor(now / 86_400_000 + days) * 86_400_000 + slot * 300_000).toISOString()),
  );

export interface Pools {
  /** Real ids the service knows, to reach past the 404s. */
  ids: string[];
  now: number;
}

const hostileString = fc.constantFrom(...HOSTILE_STRINGS);

/** A value for a schema: mostly valid, sometimes hostile, so that both the rules and their guards are reached. */
export function valueFor(schema: Schema, doc: Schema, pools: Pools, depth = 0): fc.Arbitrary<unknown> {
  const s = schema.$ref ? doc.components.schemas[String(schema.$ref).split("/").pop()!] : schema;
  const valid = validFor(s, doc, pools, depth);
  return fc.oneof(
    { weight: 30, arbitrary: valid },
    { weight: 1, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_JSON) },
  );
}

function validFor(s: Schema, doc: Schema, pools: Pools, depth: number): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...(alternatives as Schema[]).map((a) => valueFor(a, doc, pools, depth + 1)));
  if (s.allOf) return valueFor((s.allOf as Schema[])[0]!, doc, pools, depth + 1);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...(s.enum as unknown[]));
  const types = ([] as string[]).concat(s.type ?? "string");
  const type = types.find((x) => x !== "null") ?? "null";
  switch (type) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer":
      return fc.integer({ min: s.minimum ?? -5, max: s.maximum ?? 200 });
    case "number":
      return fc.double({ min: s.minimum ?? -5, max: s.maximum ?? 200, noNaN: true });
    case "array":
      return fc.array(valueFor(s.items ?? {}, doc, pools, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 3, 8) });
    case "object": {
      const props = Object.entries((s.properties ?? {}) as Record<string, Schema>);
      const required = new Set((s.required ?? []) as string[]);
      const record = Object.fromEntries(props.map(([k, v]) => [k, valueFor(v, doc, pools, depth + 1)]));
      return fc.record(record, { requiredKeys: props.map(([k]) => k).filter((k) => required.has(k)) });
    }
    default:
      return stringFor(s, pools);
  }
}

function stringFor(s: Schema, pools: Pools): fc.Arbitrary<string> {
  if (s.format === "uuid" || /id$/i.test(String(s.description ?? ""))) return fc.oneof(fc.constantFrom(...pools.ids), fc.uuid());
  if (s.format === "email") return fc.constantFrom("invented.person@example.org", "not-an-email", "a@b");
  const examples: string[] = [s.example, ...(s.examples ?? [])].filter((x) => typeof x === "string");
  const max = Math.min(s.maxLength ?? 50, 300);
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ minLength: s.minLength ?? 1, maxLength: max }) },
    { weight: 2, arbitrary: instantArb(pools.now) },
    { weight: 2, arbitrary: fc.constantFrom(...pools.ids) },
    ...(examples.length ? [{ weight: 12, arbitrary: fc.constantFrom(...examples) }] : []),
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 0, maxLength: max + 5 }) },
  );
}
