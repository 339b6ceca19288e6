import { createServer } from "node:net";

/**
 * A port on 127.0.0.1 that nothing listens on, for a server a test starts in another process
 * (tests only ever talk to loopback). Another process could take it before ours does; the
 * system hands out ports in a rotation, so in practice it does not.
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}
