import { env } from "cloudflare:workers";
import { connectD1 } from "../../src/db/connect-d1.js";
import { issueToken } from "../../src/tokens/tokens.repo.js";

/** The Worker's own D1, as the tests see it: same binding, same storage as SELF. */
export const d1 = () => connectD1(env.DB);

/** A coordinator token written straight into D1, the way the Node server's first start does. */
export async function coordinatorToken(): Promise<string> {
  return (await issueToken(d1().db, { role: "coordinator", label: "workers test", now: new Date().toISOString() })).token;
}
