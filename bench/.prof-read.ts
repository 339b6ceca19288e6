import { Hono } from "hono";
import { sqliteCostTarget } from "../tests/helpers/sqlite-cost-target.js";
import { seedForCosts } from "../tests/helpers/route-costs.js";
const t = sqliteCostTarget();
const { memberToken, requested } = await seedForCosts(t, 1);
const path = `/api/consultations/${requested[0]!.id}`;
const bare = new Hono().get("/bare", (c) => c.json({ status: "ok" }));
const N = Number(process.env.N ?? 20000);
async function loop(name: string, f: () => Promise<unknown>) {
  for (let i = 0; i < 2000; i++) await f();
  const s = performance.now();
  for (let i = 0; i < N; i++) await f();
  const us = ((performance.now() - s) * 1000) / N;
  console.log(name, us.toFixed(1), "µs/request");
  return us;
}
const b = await loop("bare", async () => (await bare.request("/bare")).text());
const r = await loop("read", () => t.send("GET", path, { token: memberToken }));
console.log("ratio", (b / r).toFixed(2));
