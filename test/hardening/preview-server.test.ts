// Hardening, item 8 (issue 7): the preview server. `skillpack preview` binds 127.0.0.1 unless asked (a
// connection to the machine's network address is refused), serves only the package's files and its own
// assets (path-traversal requests in every spelling get 404 or 400, never a file's content), and answers a
// burst of 1,000 requests, 50 at a time, then still serves.
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { connect } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPreview, type PreviewServer } from "../../src/node/preview/preview-server.js";
import { percentile } from "./hardening-support.js";

const BURST = 1_000;
const AT_ONCE = 50;

interface RawAnswer {
  status: number;
  body: string;
}

/** One request written byte for byte (no client normalises the path), on its own connection. */
function rawGet(port: number, path: string | Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port });
    const chunks: Buffer[] = [];
    socket.setTimeout(5_000, () => socket.destroy(new Error(`no answer to ${String(path)}`)));
    socket.on("connect", () =>
      socket.write(Buffer.concat([Buffer.from("GET "), Buffer.isBuffer(path) ? path : Buffer.from(path, "latin1"), Buffer.from(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")])),
    );
    socket.on("data", (c: Buffer) => chunks.push(c));
    socket.on("error", reject);
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString("latin1");
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, body: text.slice(text.indexOf("\r\n\r\n") + 4) });
    });
  });
}

/** Resolves with the connection error's code, or "connected". */
const tryConnect = (host: string, port: number) =>
  new Promise<string>((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(3_000, () => {
      socket.destroy();
      resolve("timeout");
    });
    socket.on("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.on("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
  });

describe("the preview server stays on the designer's machine and inside the package", () => {
  let dir: string;
  let server: PreviewServer;
  let port: number;
  const figures = { traversal: 0, traversalLeaks: 0, requests: 0, failures: 0, p95: 0, max: 0, external: "" };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "skillpack-preview-hardening-"));
    await cp("test/fixtures/units/full", join(dir, "unit"), { recursive: true });
    server = await startPreview({ unit: "unit", cwd: dir, port: 0 });
    port = Number(new URL(server.url).port);
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
    console.log(
      `hardening: preview server: bound to 127.0.0.1 (${figures.external}); ${figures.traversal} path-traversal requests, ${figures.traversalLeaks} answered with content; ` +
        `burst of ${figures.requests} requests ${AT_ONCE} at a time: ${figures.failures} failures, p95 ${figures.p95.toFixed(1)} ms, slowest ${figures.max.toFixed(1)} ms`,
    );
  });

  it("binds 127.0.0.1 by default: loopback connects, the machine's network addresses are refused", async () => {
    expect(new URL(server.url).hostname).toBe("127.0.0.1");
    expect(await tryConnect("127.0.0.1", port)).toBe("connected");
    // IPv6 loopback is another address: not bound either.
    expect(await tryConnect("::1", port)).not.toBe("connected");
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal && a.family === "IPv4")
      .map((a) => a!.address);
    for (const address of external) expect(await tryConnect(address, port), address).toBe("ECONNREFUSED");
    figures.external = external.length ? `refused on ${external.join(", ")} and ::1` : "no network address on this machine; ::1 refused";
  });

  it("answers path traversal in every spelling with 404 or 400, never with a file's content", async () => {
    const secrets = [
      (await readFile("package.json", "utf8")).slice(0, 40),
      (await readFile(join(dir, "unit/unit.json"), "utf8")).slice(0, 40),
      "root:x:0:0",
      "<svg", // the unit's own assets are served only as the package's media/
    ];
    const attempts: (string | Buffer)[] = [
      "/package/en/../../package.json",
      "/package/en/../../../../../../etc/passwd",
      "/package/en/%2e%2e/%2e%2e/package.json",
      "/package/en/%2E%2E%2F%2E%2E%2Fpackage.json",
      "/package/en/.%2e/.%2e/package.json",
      "/package/en/%252e%252e/%252e%252e/package.json",
      "/package/en/%252e%252e%252f%252e%252e%252fpackage.json",
      "/package/en/..%2f..%2f..%2funit%2funit.json",
      "/package/en/..\\..\\package.json",
      "/package/en/..%5c..%5cpackage.json",
      "/package/en/..%255c..%255cpackage.json",
      "/package/en/%c0%ae%c0%ae/%c0%ae%c0%ae/package.json",
      "/package/en/index.html%00.png",
      "/package/en/%00../../package.json",
      Buffer.from("/package/en/\0/../../package.json", "latin1"),
      "/package/en/%",
      "/package/en/%zz",
      "/../../../etc/passwd",
      "/preview/../package.json",
      "/preview/..%2f..%2fpackage.json",
      "/package/../package.json",
      "//etc/passwd",
      "/package/en//etc/passwd",
      "/package/en/%2fetc%2fpasswd",
      "/package/en/C:%5cWindows%5cwin.ini",
      "/package/en/file:///etc/passwd",
      "/package/en/unit.json",
      "/package/en/assets/dot.svg",
      "/package/en/i18n/lt.json",
      "/package/xx/index.html",
      "/package/en/media/../../../unit/unit.json",
      "/package/en/./index.html/../../../package.json",
      "/unit/unit.json",
      "/package.json",
      "http://127.0.0.1/../package.json",
    ];
    const leaks: string[] = [];
    for (const path of attempts) {
      const answer = await rawGet(port, path);
      figures.traversal++;
      if (![400, 404].includes(answer.status) || secrets.some((s) => answer.body.includes(s))) leaks.push(`${String(path)} → ${answer.status} ${answer.body.slice(0, 60)}`);
    }
    figures.traversalLeaks = leaks.length;
    expect(leaks).toEqual([]);
    // The package itself is served (the traversal answers are not just a broken server).
    expect((await rawGet(port, "/package/en/index.html")).status).toBe(200);
    expect((await rawGet(port, "/package/en/media/assets/dot.svg")).body).toContain("<svg");
  });

  it(`answers a burst of ${BURST} requests, ${AT_ONCE} at a time, then still serves`, { timeout: 120_000 }, async () => {
    const base = `http://127.0.0.1:${port}`;
    const urls: [string, number][] = [
      ["/", 200],
      ["/package/en/index.html", 200],
      ["/package/en/player.js", 200],
      ["/package/en/player.css", 200],
      ["/package/en/media/assets/dot.svg", 200],
      ["/package/lt/index.html", 200],
      ["/preview/scorm12-lms.js", 200],
      ["/preview/state.js", 200],
      ["/package/en/nothing-here.png", 404],
      ["/package/en/%2e%2e/%2e%2e/package.json", 404],
    ];
    const latencies: number[] = [];
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < BURST; i = next++) {
        const [path, expected] = urls[i % urls.length]!;
        const started = performance.now();
        try {
          const response = await fetch(`${base}${path}`);
          await response.arrayBuffer();
          if (response.status !== expected) failures.push(`${path}: ${response.status}`);
        } catch (error) {
          failures.push(`${path}: ${(error as Error).message}`);
        }
        latencies.push(performance.now() - started);
      }
    };
    await Promise.all(Array.from({ length: AT_ONCE }, worker));
    figures.requests = latencies.length;
    figures.failures = failures.length;
    figures.p95 = percentile(latencies, 95);
    figures.max = Math.max(...latencies);
    expect(latencies).toHaveLength(BURST);
    expect(failures).toEqual([]);
    // Still serving, the same bytes as before the burst.
    const page = await fetch(`${base}/package/en/index.html`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('id="sp-app"');
  });
});
