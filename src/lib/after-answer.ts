/**
 * Work that a request causes but its answer does not wait for (mail, webhooks after a
 * transition). Queued while the request runs, started by the entry point once the answer is
 * out: on Node right after `app.fetch` resolves, on Workers under `ctx.waitUntil`. The queue is
 * per process or isolate, not per request: whoever drains it runs what is there, and what a
 * crash loses stays in the outbox for the background tick (the outbox lease keeps it exactly-once).
 */
export interface AfterAnswer {
  /** Queues a task; it must not throw (log and swallow). */
  later(task: () => Promise<void>): void;
  /**
   * Runs the tasks queued so far (and what they queue) and waits for them. Two drains take
   * different tasks and never wait for each other: on Workers a promise of one request must not
   * be awaited by another.
   */
  drain(): Promise<void>;
  /** Waits until every drain that has started is over (Node's shutdown, before the database closes). */
  idle(): Promise<void>;
  /** How many tasks are queued and not started. */
  readonly queued: number;
}

/** A queue that runs nothing until drained. */
export function afterAnswerQueue(): AfterAnswer {
  let tasks: (() => Promise<void>)[] = [];
  const running = new Set<Promise<void>>();
  const runAll = async () => {
    while (tasks.length > 0) {
      const taken = tasks;
      tasks = [];
      // One after another: they touch the same few rows, and run outside any user's wait.
      for (const task of taken) await task().catch(() => undefined);
    }
  };
  return {
    later(task) {
      tasks.push(task);
    },
    async drain() {
      if (tasks.length === 0) return;
      const run = runAll();
      running.add(run);
      try {
        await run;
      } finally {
        running.delete(run);
      }
    },
    async idle() {
      await this.drain();
      while (running.size > 0) await Promise.all([...running]);
    },
    get queued() {
      return tasks.length;
    },
  };
}

/** Starts a drain on the next turn of the event loop, after the answer has been handed back. */
export function drainSoon(queue: AfterAnswer): Promise<void> {
  if (queue.queued === 0) return Promise.resolve();
  return new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => queue.drain());
}

/**
 * A server's fetch that starts the queue's drain once each answer is handed back (Node). The
 * server's further arguments (@hono/node-server's incoming and outgoing messages) pass through.
 */
export function drainingAfterAnswer<A extends unknown[]>(fetch: (request: Request, ...rest: A) => Response | Promise<Response>, queue: AfterAnswer) {
  return async (request: Request, ...rest: A): Promise<Response> => {
    const response = await fetch(request, ...rest);
    void drainSoon(queue);
    return response;
  };
}
