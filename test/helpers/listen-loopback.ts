import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Listens on 127.0.0.1 only (test servers never face the network), on a free port or the one given
 * (to keep an origin, and its localStorage, across two servers); returns the port.
 */
export async function listenOnLoopback(server: Server, port = 0): Promise<number> {
  // Browsers keep connections alive; without this, close() would wait for them to time out.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return (server.address() as AddressInfo).port;
}
