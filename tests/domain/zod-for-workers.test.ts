import * as zod from "zod";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain JavaScript without types, written for the Worker's bundle (wrangler.toml [alias])
import * as lean from "../../src/lib/zod-for-workers.js";

const names = (ns: object) => Object.keys(ns).sort();
// Left out on purpose: 50 languages' messages, and JSON Schema into zod, which the Worker never does.
const LEFT_OUT = new Set(["locales", "fromJSONSchema"]);

describe("the Worker's zod (src/lib/zod-for-workers.js)", () => {
  it("exports everything zod exports except the locales and fromJSONSchema, down to the same objects", () => {
    const leanNs = lean as Record<string, unknown>;
    expect(names(leanNs)).toEqual(names(zod).filter((n) => !LEFT_OUT.has(n)));
    for (const name of names(zod)) if (!LEFT_OUT.has(name) && name !== "z" && name !== "default" && name !== "core") expect(leanNs[name], name).toBe((zod as Record<string, unknown>)[name]);
    const core = leanNs.core as Record<string, unknown>;
    expect(names(core)).toEqual(names(zod.core).filter((n) => n !== "locales"));
  });

  it("validates and reports errors in English, as zod does", () => {
    const z = (lean as { z: typeof zod.z }).z;
    const result = z.object({ name: z.string().min(2) }).safeParse({ name: "x" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(zod.z.object({ name: zod.z.string().min(2) }).safeParse({ name: "x" }).error?.issues[0]?.message);
  });
});
