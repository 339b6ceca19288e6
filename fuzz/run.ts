/**
 * npm run fuzz -- [--requests N] [--seconds S] [--seed K] [--concurrency C]
 * Starts the service as its own process on a fresh database, fuzzes it, prints the figures and
 * every 5xx with its request; exits 1 on any 5xx, undocumented answer, answer over 2 s or crash.
 */
import { parseArgs } from "node:util";
import { describeRequest, runFuzz } from "./fuzz.js";
import { startServerProcess, UNREACHABLE_RATE_LIMITS } from "./server-process.js";

const { values } = parseArgs({
  options: {
    requests: { type: "string" },
    seconds: { type: "string" },
    seed: { type: "string", default: "1" },
    concurrency: { type: "string", default: "8" },
    "rate-limits": { type: "boolean", default: false },
  },
});
const requests = values.requests ? Number(values.requests) : values.seconds ? undefined : 10_000;

const server = await startServerProcess(values["rate-limits"] ? {} : UNREACHABLE_RATE_LIMITS);
let failed = false;
try {
  const report = await runFuzz({
    base: server.base,
    coordinatorToken: server.coordinatorToken,
    requests,
    seconds: values.seconds ? Number(values.seconds) : undefined,
    seed: Number(values.seed),
    concurrency: Number(values.concurrency),
  });
  console.log(`${report.sent} requests in ${report.seconds.toFixed(1)} s (${Math.round(report.sent / report.seconds)}/s), seed ${values.seed}`);
  console.log("by status:", Object.entries(report.byStatus).map(([s, n]) => `${s}: ${n}`).join(", "));
  if (report.slowest) console.log(`slowest: ${report.slowest.ms.toFixed(0)} ms  ${describeRequest(report.slowest.request)}`);
  for (const e of report.serverErrors) console.log(`5xx ${e.status}: ${describeRequest(e.request)}\n    ${e.body}`);
  for (const e of report.undocumented.slice(0, 50)) console.log(`undocumented ${e.status}: ${describeRequest(e.request)}\n    ${e.problems.join("\n    ")}`);
  if (report.undocumented.length > 50) console.log(`... and ${report.undocumented.length - 50} more undocumented answers`);
  for (const e of report.slow.slice(0, 20)) console.log(`slow ${e.ms.toFixed(0)} ms: ${describeRequest(e.request)}`);
  for (const e of report.failedToAnswer.slice(0, 20)) console.log(`no answer: ${describeRequest(e.request)}\n    ${e.error}`);
  console.log(
    `5xx: ${report.serverErrors.length}, undocumented: ${report.undocumented.length}, over 2 s: ${report.slow.length}, no answer: ${report.failedToAnswer.length}, crashed: ${server.exited()}`,
  );
  failed = report.serverErrors.length + report.undocumented.length + report.slow.length + report.failedToAnswer.length > 0 || server.exited();
} finally {
  if (server.exited()) console.log(server.output().slice(-3000));
  await server.stop();
}
process.exit(failed ? 1 : 0);
