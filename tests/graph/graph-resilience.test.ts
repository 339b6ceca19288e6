import { afterEach, describe, expect, it } from "vitest";
import { MAX_INLINE_RETRY_AFTER_SECONDS } from "../../src/graph/graph-client.js";
import { GraphRequestError } from "../../src/graph/graph-errors.js";
import { meetingRequest, startGraphStack, type GraphStack } from "./harness.js";

let stack: GraphStack;
afterEach(() => stack?.close());

const createRule = { method: "POST", pathIncludes: "/events" };

describe("Graph throttling, outages and tokens", () => {
  it("a 429 with Retry-After is waited out and retried, and the create succeeds", async () => {
    stack = await startGraphStack();
    stack.fake.faults.add({ match: createRule, kind: "429", retryAfterSeconds: 1 });
    const started = Date.now();

    const ref = await stack.scheduler.createMeeting(meetingRequest());

    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    const attempts = stack.fake.state.graphRequests(createRule);
    expect(attempts.map((r) => [r.outcome, r.retryAttempt])).toEqual([[429, 0], [201, 1]]);
    expect(stack.fake.state.liveEvents().map((e) => e.id)).toEqual([ref.externalId]);
  });

  it("a Retry-After longer than the inline limit goes back to the caller at once, with the wait", async () => {
    stack = await startGraphStack();
    stack.fake.faults.add({ match: createRule, kind: "429", retryAfterSeconds: 120 });

    const error = await stack.scheduler.createMeeting(meetingRequest()).catch((e: unknown) => e);

    expect(120).toBeGreaterThan(MAX_INLINE_RETRY_AFTER_SECONDS);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toMatchObject({ status: 429, code: "ApplicationThrottled", retryAfterSeconds: 120, retryable: true });
    expect(stack.fake.state.graphRequests(createRule)).toHaveLength(1);
    expect(stack.fake.state.liveEvents()).toHaveLength(0);
  });

  it("a lasting 503 is tried three times in all, then reported as retryable", async () => {
    stack = await startGraphStack();
    stack.fake.faults.add({ match: createRule, kind: "503", retryAfterSeconds: 0, times: Infinity });

    const error = await stack.scheduler.createMeeting(meetingRequest()).catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 503, code: "ServiceNotAvailable", retryable: true, retryAfterSeconds: 0 });
    expect(stack.fake.state.graphRequests(createRule).map((r) => r.retryAttempt)).toEqual([0, 1, 2]);
  });

  it("a reset connection is a retryable network error, and nothing was created", async () => {
    stack = await startGraphStack();
    stack.fake.faults.add({ match: createRule, kind: "reset" });

    const error = await stack.scheduler.createMeeting(meetingRequest()).catch((e: unknown) => e);

    expect(error).toMatchObject({ name: "GraphRequestError", status: null, code: "NetworkError", retryable: true });
    expect(stack.fake.state.liveEvents()).toHaveLength(0);
  });

  it("a Graph call that hangs is given up after the call timeout, as retryable", async () => {
    stack = await startGraphStack({ callTimeoutMs: 300 });
    stack.fake.faults.add({ match: createRule, kind: "slow", delayMs: 1000 });
    const request = meetingRequest();
    const started = Date.now();

    const error = await stack.scheduler.createMeeting(request).catch((e: unknown) => e);

    expect(Date.now() - started).toBeLessThan(900);
    expect(error).toMatchObject({ name: "GraphRequestError", status: null, code: "Timeout", retryable: true });
    // The slow request still lands; the retry finds it through the transactionId.
    await new Promise((resolve) => setTimeout(resolve, 900));
    const ref = await stack.scheduler.createMeeting(request);
    expect(stack.fake.state.liveEvents().map((e) => e.id)).toEqual([ref.externalId]);
  });

  it("one token request serves many Graph calls", async () => {
    stack = await startGraphStack();
    const request = meetingRequest();

    const ref = await stack.scheduler.createMeeting(request);
    await stack.scheduler.updateMeeting(ref, { ...request, subject: "Ny rubrik", sequence: 1 });
    await stack.mailer.send({ to: request.attendees[0]!, subject: "Brief", body: "Hej" });
    await stack.freeBusy.getSchedule([stack.fake.config.organizer], request.start, request.end, 15);
    await stack.scheduler.cancelMeeting(ref, "Inställt");

    expect(stack.fake.state.tokenRequests).toBe(1);
    expect(stack.fake.state.graphRequests().map((r) => r.outcome)).toEqual([201, 200, 202, 200, 202]);
  });

  it("a token within MSAL's 5-minute renewal margin is replaced before use, never sent stale", async () => {
    // 301 s of life: MSAL renews 300 s early (counting whole seconds), so two seconds
    // later the cached token no longer serves.
    stack = await startGraphStack({ fake: { tokenLifetimeSeconds: 301 } });
    await stack.scheduler.createMeeting(meetingRequest());
    await new Promise((resolve) => setTimeout(resolve, 2100));

    await stack.scheduler.createMeeting(meetingRequest());

    expect(stack.fake.state.tokenRequests).toBe(2);
    expect(stack.fake.state.graphRequests().map((r) => r.outcome)).toEqual([201, 201]);
  });

  it("a refused client secret is a non-retryable error and never reaches Graph", async () => {
    stack = await startGraphStack({ settings: { clientSecret: "not-the-secret" } });

    const error = await stack.scheduler.createMeeting(meetingRequest()).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toMatchObject({ code: "invalid_client", retryable: false });
    expect(stack.fake.state.tokenRequests).toBe(1);
    expect(stack.fake.state.graphRequests()).toHaveLength(0);
  });

  it("an identity platform outage is retryable; MSAL then holds back until Retry-After has passed", async () => {
    stack = await startGraphStack();
    stack.fake.faults.add({ match: { pathIncludes: "/oauth2/v2.0/token" }, kind: "503", retryAfterSeconds: 1 });
    const request = meetingRequest();

    const outage = await stack.scheduler.createMeeting(request).catch((e: unknown) => e);
    expect(outage).toMatchObject({ name: "GraphRequestError", status: 503, retryable: true });
    // Within Retry-After MSAL answers from its own throttle record, without a request.
    const heldBack = await stack.scheduler.createMeeting(request).catch((e: unknown) => e);
    expect(heldBack).toMatchObject({ name: "GraphRequestError", retryable: true });
    expect(stack.fake.state.tokenRequests).toBe(1);
    expect(stack.fake.state.graphRequests()).toHaveLength(0);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    await stack.scheduler.createMeeting(request);
    expect(stack.fake.state.tokenRequests).toBe(2);
    expect(stack.fake.state.liveEvents()).toHaveLength(1);
  });
});
