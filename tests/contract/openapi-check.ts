import { expect } from "vitest";
import { ResponseChecker, type OpenApiDocument } from "./response-checker.js";
import type { ContractTarget } from "./target.js";

/** The target with every answer checked against the target's own /openapi.json: drift fails the test that met it. */
export async function documentChecked(target: ContractTarget): Promise<ContractTarget> {
  const doc = await target.call("GET", "/openapi.json");
  expect(doc.status).toBe(200);
  const checker = new ResponseChecker(doc.body as OpenApiDocument);
  return {
    ...target,
    call: async (method, path, init) => {
      const res = await target.call(method, path, init);
      expect(checker.problems(method, path, res.status, res.headers.get("content-type") ?? "", res.body), res.text.slice(0, 300)).toEqual([]);
      return res;
    },
  };
}
