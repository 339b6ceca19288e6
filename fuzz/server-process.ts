/** The service as its own process (`node --import tsx src/entry.node.ts`) on a fresh database, for the fuzzer and server tests. */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../tests/helpers/free-port.js";

const root = new URL("../", import.meta.url).pathname;

export interface ServerProcess {
  base: string;
  port: number;
  /** The first coordinator token the service printed. */
  coordinatorToken: string;
  /** Everything the process wrote so far. */
  output(): string;
  /** Whether the process has exited (a crash, if stop() was not called). */
  exited(): boolean;
  stop(): Promise<number | null>;
}

/**
 * One client from one address trips the service's rate limits within seconds, and then nearly every
 * answer is a 429 from a request that never reached its operation. A fuzzed server gets limits no
 * run reaches, so the operations themselves are what is fuzzed (the limits have their own tests).
 */
export const UNREACHABLE_RATE_LIMITS: Record<string, string> = Object.fromEntries(
  ["SIGN_IN_FAILURES", "EMAIL_LINKS", "EMAIL_LINKS_PER_RECIPIENT", "BEARER_FAILURES", "EXPERT_LINK_FAILURES", "FEEDBACK"].map((name) => [
    `RATE_LIMIT_${name}`,
    "100000000",
  ]),
);

export async function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "samrad-proc-"));
  const child = spawn(process.execPath, ["--import", "tsx", "src/entry.node.ts"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: join(dir, "samrad.sqlite"), LOG_LEVEL: "error", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let done = false;
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  const exit = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      done = true;
      resolve(code);
    }),
  );
  const deadline = Date.now() + 60_000;
  while (!out.includes("listening") && !done && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  // Without a terminal the first token goes to a file beside the database (src/tokens/first-coordinator.ts).
  const tokenFile = join(dir, "first-coordinator-token.txt");
  const token = existsSync(tokenFile) ? readFileSync(tokenFile, "utf8") : out.split("\n").find((l) => l.startsWith("smr_c_"));
  if (!out.includes("listening") || !token) {
    child.kill("SIGKILL");
    throw new Error(`the server did not start:\n${out}`);
  }
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    coordinatorToken: token.trim(),
    output: () => out,
    exited: () => done,
    stop: async () => {
      if (!done) child.kill("SIGTERM");
      const code = await exit;
      rmSync(dir, { recursive: true, force: true });
      return code;
    },
  };
}
