import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/** Listens on a free port of 127.0.0.1 only (test servers never face the network); returns the port. */
export async function listenOnLoopback(server: Server): Promise<number> {
  // Browsers keep connections alive; without this, close() would wait for them to time out.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  return (server.address() as AddressInfo).port;
}
