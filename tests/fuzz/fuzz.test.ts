/** A short run of `npm run fuzz` inside npm test: the same fuzzer, against the service as its own process. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeRequest, runFuzz } from "../../fuzz/fuzz.js";
import { startServerProcess, UNREACHABLE_RATE_LIMITS, type ServerProcess } from "../../fuzz/server-process.js";

let server: ServerProcess;
beforeAll(async () => {
  server = await startServerProcess(UNREACHABLE_RATE_LIMITS);
});
afterAll(async () => {
  await server?.stop();
});

describe("fuzzing the API from its own document", () => {
  it("answers generated and hostile requests without a 5xx, each answer as documented, none over 2 s", async () => {
    const report = await runFuzz({ base: server.base, coordinatorToken: server.coordinatorToken, requests: 2000, seconds: 40, seed: Date.now() % 100_000 });
    const failures = [
      ...report.serverErrors.map((e) => `${e.status} ${describeRequest(e.request)} ${e.body}`),
      ...report.undocumented.map((e) => `${e.problems.join("; ")} ${describeRequest(e.request)}`),
      ...report.slow.map((e) => `${e.ms.toFixed(0)} ms ${describeRequest(e.request)}`),
      ...report.failedToAnswer.map((e) => `${e.error} ${describeRequest(e.request)}`),
    ];
    expect(failures).toEqual([]);
    expect(server.exited()).toBe(false);
    // The run reached past validation: some requests succeeded, and every kind of refusal was met.
    expect(report.sent).toBeGreaterThan(300);
    expect(Object.keys(report.byStatus).map(Number)).toEqual(expect.arrayContaining([200, 400, 401, 404]));
    // Requests reach their operations rather than the rate limiter (the limits have their own tests).
    expect(report.byStatus[429] ?? 0).toBeLessThan(report.sent / 20);
  }, 120_000);
});
