import { describe, expect, it } from "vitest";
import { afterAnswerQueue, drainingAfterAnswer } from "../../src/lib/after-answer.js";

describe("the after-answer queue (src/lib/after-answer.ts)", () => {
  it("runs nothing until drained, then every task, those they queue too, past one that fails", async () => {
    const queue = afterAnswerQueue();
    const ran: string[] = [];
    queue.later(async () => void ran.push("mail"));
    queue.later(async () => {
      throw new Error("relay down");
    });
    queue.later(async () => {
      ran.push("webhooks");
      queue.later(async () => void ran.push("queued by a task"));
    });
    expect(ran).toEqual([]);
    expect(queue.queued).toBe(3);
    await queue.drain();
    expect(ran).toEqual(["mail", "webhooks", "queued by a task"]);
    expect(queue.queued).toBe(0);
  });

  it("hands the answer back before the queued work starts, and idle() waits for that work", async () => {
    const queue = afterAnswerQueue();
    const order: string[] = [];
    const fetch = drainingAfterAnswer(async (_request: Request) => {
      queue.later(async () => void order.push("mail sent"));
      return new Response("confirmed");
    }, queue);
    const res = await fetch(new Request("http://samrad.test/api/expert/x/confirm"));
    order.push(`answered: ${await res.text()}`);
    await queue.idle();
    expect(order).toEqual(["answered: confirmed", "mail sent"]);
  });
});
