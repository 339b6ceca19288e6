import { describe, expect, it } from "vitest";
import { Semaphore } from "../../src/lib/semaphore.js";

describe("Semaphore (Outlook's 4 concurrent requests per mailbox)", () => {
  it("never runs more than its limit at once, also when a newcomer arrives as a task hands over its slot", async () => {
    const sem = new Semaphore(4);
    let running = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const held = () =>
      sem.run(async () => {
        running++;
        most = Math.max(most, running);
        await new Promise<void>((r) => releases.push(r));
        running--;
      });
    const all = [held(), held(), held(), held(), held()]; // four run, one waits
    await new Promise((r) => setTimeout(r, 0));
    releases.shift()!();
    // Newcomers at every microtask depth around the release: one of them lands between the
    // finishing task's release and the waiter's wake-up.
    for (let depth = 0; depth < 12; depth++) {
      all.push(
        (async () => {
          for (let i = 0; i < depth; i++) await null;
          await held();
        })(),
      );
    }
    while (releases.length > 0 || running > 0) {
      await new Promise((r) => setTimeout(r, 0));
      releases.splice(0).forEach((release) => release());
    }
    await Promise.all(all);
    expect(most).toBe(4);
  });

  it("runs every task and passes on its result and its failure", async () => {
    const sem = new Semaphore(2);
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map((n) => sem.run(async () => (n === 3 ? Promise.reject(new Error("no")) : n))));
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : "failed"))).toEqual([1, 2, "failed", 4, 5]);
    // After a failure the slot is free again: two run at once.
    let running = 0;
    let most = 0;
    await Promise.all([0, 1, 2].map(() => sem.run(async () => { running++; most = Math.max(most, running); await new Promise((r) => setTimeout(r, 2)); running--; })));
    expect(most).toBe(2);
  });
});
