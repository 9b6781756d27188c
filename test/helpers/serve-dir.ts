// A tiny static file server for browser tests: serves one directory on 127.0.0.1 with an
// ephemeral port, plus optional in-memory responses (the test LMS page, scorm-again, ...).
// It never serves anything outside `root`: traversal attempts (`..`, `%2e%2e`, `%2f`, backslashes,
// NUL) and symlinks that leave root all get 404, so a broken package can't read the repo.
import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { listenOnLoopback } from "./listen-loopback.js";

export interface InMemoryResponse {
  type: string;
  body: string | Buffer;
}

export interface ServeDirOptions {
  /** URL prefix the directory is mounted at, e.g. "/package/" (default "/"). */
  prefix?: string;
  /** A fixed port (default: any free one), to serve again at the same origin. */
  port?: number;
}

export interface ServedDir {
  /** Base URL without trailing slash, e.g. "http://127.0.0.1:41234". */
  url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".gif": "image/gif",
  ".mp3": "audio/mpeg",
  ".ogg": "audio/ogg",
  ".wav": "audio/wav",
  ".mp4": "video/mp4",
  ".webm": "video/webm",
  ".vtt": "text/vtt; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".xsd": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

/**
 * Maps a raw request path (as sent on the wire, before any URL normalisation) to a file under
 * root, or null when it is malformed or would leave root. Works on the raw path on purpose:
 * WHATWG URL parsing would silently turn `/%2e%2e/x` into `/x` and hide the attempt.
 */
export function resolveInside(root: string, rawPath: string): string | null {
  if (/[\\\0]|%5c|%00/i.test(rawPath)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (/[\\\0]/.test(decoded)) return null;
  if (decoded.split("/").some((segment) => segment === ".." || segment === ".")) return null;
  const file = path.resolve(root, `.${decoded.startsWith("/") ? "" : "/"}${decoded}`);
  const rel = path.relative(root, file);
  if (rel.startsWith("..") || path.isAbsolute(rel)) return null;
  return file;
}

async function isInside(realRoot: string, file: string): Promise<boolean> {
  const real = await realpath(file);
  const rel = path.relative(realRoot, real);
  return !rel.startsWith("..") && !path.isAbsolute(rel);
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, head: boolean): void {
  res.writeHead(status, { "Content-Type": type, "Content-Length": Buffer.byteLength(body), "Cache-Control": "no-store" });
  res.end(head ? undefined : body);
}

/** Serves a file, honouring a single `Range: bytes=a-b` so <audio>/<video> can seek. */
function sendFile(req: IncomingMessage, res: ServerResponse, file: string, size: number): void {
  const headers: Record<string, string | number> = {
    "Content-Type": contentTypeFor(file),
    "Cache-Control": "no-store",
    "Accept-Ranges": "bytes",
  };
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? "");
  let start = 0;
  let end = size - 1;
  let status = 200;
  if (range && (range[1] || range[2])) {
    start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
    end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    if (start > end || start >= size) {
      res.writeHead(416, { "Content-Range": `bytes */${size}`, "Cache-Control": "no-store" });
      res.end();
      return;
    }
    status = 206;
    headers["Content-Range"] = `bytes ${start}-${end}/${size}`;
  }
  headers["Content-Length"] = size === 0 ? 0 : end - start + 1;
  res.writeHead(status, headers);
  if (req.method === "HEAD" || size === 0) {
    res.end();
    return;
  }
  createReadStream(file, { start, end }).on("error", () => res.destroy()).pipe(res);
}

export async function serveDir(
  root: string,
  extra: Record<string, InMemoryResponse> = {},
  options: ServeDirOptions = {},
): Promise<ServedDir> {
  const realRoot = await realpath(root);
  const prefix = `/${(options.prefix ?? "/").replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const head = req.method === "HEAD";
    if (req.method !== "GET" && !head) return send(res, 405, "text/plain", "method not allowed", head);
    const rawPath = (req.url ?? "/").split(/[?#]/, 1)[0] ?? "/";
    const fixed = extra[rawPath];
    if (fixed) return send(res, 200, fixed.type, fixed.body, head);
    if (!rawPath.startsWith(prefix)) return send(res, 404, "text/plain", "not found", head);
    let file = resolveInside(realRoot, `/${rawPath.slice(prefix.length)}`);
    if (!file) return send(res, 404, "text/plain", "not found", head);
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = path.join(file, "index.html");
        info = await stat(file);
      }
      if (!info.isFile() || !(await isInside(realRoot, file))) throw new Error("not a file inside root");
      sendFile(req, res, file, info.size);
    } catch {
      send(res, 404, "text/plain", "not found", head);
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, "text/plain", "server error", false);
      else res.destroy();
    });
  });
  const port = await listenOnLoopback(server, options.port);
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
