/**
 * What the chaos test does to each consultation: a plan of steps drawn by weight, the state it must
 * end in, and the small tools that run the plans side by side.
 */
export type Plan = "confirm" | "move" | "moveTwice" | "cancel" | "decline" | "moveCancel" | "moveDecline" | "cancelRequested" | "declineRequested";
export const PLAN_WEIGHTS: [Plan, number][] = [
  ["confirm", 30],
  ["move", 20],
  ["moveTwice", 5],
  ["cancel", 15],
  ["decline", 10],
  ["moveCancel", 8],
  ["moveDecline", 4],
  ["cancelRequested", 4],
  ["declineRequested", 4],
];
export type Step = { kind: "confirm" } | { kind: "reschedule" } | { kind: "cancel" } | { kind: "decline" };
export const STEPS: Record<Plan, Step["kind"][]> = {
  confirm: ["confirm"],
  move: ["confirm", "reschedule", "confirm"],
  moveTwice: ["confirm", "reschedule", "confirm", "reschedule", "confirm"],
  cancel: ["confirm", "cancel"],
  decline: ["confirm", "decline"],
  moveCancel: ["confirm", "reschedule", "cancel"],
  moveDecline: ["confirm", "reschedule", "decline"],
  cancelRequested: ["cancel"],
  declineRequested: ["decline"],
};
export const FINAL: Record<Plan, "confirmed" | "cancelled" | "declined"> = {
  confirm: "confirmed",
  move: "confirmed",
  moveTwice: "confirmed",
  cancel: "cancelled",
  decline: "declined",
  moveCancel: "cancelled",
  moveDecline: "declined",
  cancelRequested: "cancelled",
  declineRequested: "declined",
};

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function pool<T>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index]!, index);
      }
    }),
  );
}

export interface Chaos {
  index: number;
  id: string;
  secret: string;
  plan: Plan;
  /** The current round's slots as last seen. */
  slots: { id: string; start: string; end: string }[];
  round: number;
}
