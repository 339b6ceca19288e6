/**
 * Caps concurrent work (Outlook allows 4 concurrent requests per mailbox). Hand-written
 * because it is a dozen lines and must run unchanged on Node and Workers.
 */
export class Semaphore {
  private waiting: (() => void)[] = [];
  private active = 0;

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    // A finishing task hands its slot straight to the next waiter (active stays as it is), so a
    // newcomer arriving between the release and the waiter's wake-up cannot take a fifth slot.
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}
