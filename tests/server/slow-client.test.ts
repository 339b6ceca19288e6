import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServerProcess, type ServerProcess } from "../../fuzz/server-process.js";

let server: ServerProcess;
beforeAll(async () => {
  server = await startServerProcess();
});
afterAll(async () => {
  await server.stop();
});

describe("the Node server against slow clients", () => {
  it("closes a request whose body trickles in at one byte per five seconds within 30 seconds, and keeps serving", async () => {
    const socket = connect(server.port, "127.0.0.1");
    const started = Date.now();
    const closed = new Promise<number>((resolve) => socket.on("close", () => resolve(Date.now() - started)));
    socket.on("error", () => {});
    socket.write(
      `POST /api/groups HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${server.coordinatorToken}\r\n` +
        "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{",
    );
    const trickle = setInterval(() => socket.writable && socket.write(" "), 5000);
    const tookMs = await closed;
    clearInterval(trickle);
    expect(tookMs).toBeLessThan(30_000);
    // Others are still served.
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
    expect(server.exited()).toBe(false);
  }, 40_000);
});
