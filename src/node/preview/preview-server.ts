import { watch, type FSWatcher } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { buildUnit } from "../build/build-unit.js";
import { formatDiagnostic } from "../diagnostics/format-diagnostic.js";
import type { FileMap } from "../package/file-map.js";
import { packageRoot } from "../package-root.js";
import type { Diagnostic } from "../../shared/diagnostic.js";

const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8", js: "text/javascript; charset=utf-8", css: "text/css; charset=utf-8", json: "application/json",
  svg: "image/svg+xml", png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif", webp: "image/webp",
  mp3: "audio/mpeg", ogg: "audio/ogg", oga: "audio/ogg", wav: "audio/wav", m4a: "audio/mp4", mp4: "video/mp4", webm: "video/webm",
  vtt: "text/vtt; charset=utf-8", xml: "application/xml", xsd: "application/xml",
};
const typeOf = (path: string) => TYPES[path.slice(path.lastIndexOf(".") + 1).toLowerCase()] ?? "application/octet-stream";

export interface PreviewOptions {
  unit: string;
  cwd: string;
  port?: number;
  /** 127.0.0.1 unless asked: the preview is for the designer's own machine. */
  host?: string;
  language?: string;
  log?: (line: string) => void;
}

export interface PreviewServer {
  url: string;
  /** Rebuilds now (the file watcher calls this after a change); resolves when clients were told. */
  rebuild(): Promise<void>;
  close(): Promise<void>;
}

interface Build {
  title: string;
  unitId: string;
  language: string;
  languages: string[];
  files: Map<string, FileMap>;
  diagnostics: string[];
}

/**
 * `skillpack preview`: builds the unit in memory and serves an LMS page that plays it beside a live
 * view of what the LMS receives. Only the package's own files and the preview's assets are served:
 * requests are looked up in a map, never on disk, so no path can reach outside.
 */
export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const unitPath = resolve(options.cwd, options.unit);
  const root = join(packageRoot(), "templates", "preview");
  const scormAgain = createRequire(join(packageRoot(), "package.json")).resolve("scorm-again/scorm12");
  const assets = new Map<string, { type: string; body: Buffer }>();
  for (const [url, file] of [["/", join(root, "preview.html")], ["/preview/preview.js", join(root, "preview.js")], ["/preview/preview.css", join(root, "preview.css")], ["/preview/scorm12-lms.js", join(root, "scorm12-lms.js")], ["/preview/scorm-again.js", scormAgain]] as const)
    assets.set(url, { type: typeOf(file), body: await readFile(file) });

  const clients = new Set<ServerResponse>();
  const send = (event: string, data: unknown) => {
    for (const client of clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  let current: Build | undefined;
  const build = async (): Promise<Build> => {
    const result = await buildUnit(unitPath, { write: false, cwd: options.cwd });
    const texts = new Map<string, string | undefined>();
    const sourceOf = async (d: Diagnostic) => {
      if (!texts.has(d.file)) texts.set(d.file, await readFile(resolve(options.cwd, d.file), "utf8").catch(() => undefined));
      return texts.get(d.file);
    };
    const diagnostics = await Promise.all(result.diagnostics.filter((d) => d.severity === "error").map(async (d) => formatDiagnostic(d, { sourceText: await sourceOf(d) })));
    const first = result.packages[0];
    const languages = result.packages.map((p) => p.language);
    return {
      title: first ? String(first.files.get("index.html")).match(/<title>([^<]*)<\/title>/)?.[1] ?? first.unitId : options.unit,
      unitId: first?.unitId ?? options.unit,
      language: options.language && languages.includes(options.language) ? options.language : (languages[0] ?? "en"),
      languages,
      files: new Map(result.packages.map((p) => [p.language, p.files])),
      diagnostics,
    };
  };
  const rebuild = async () => {
    send("building", {});
    const next = await build();
    if (next.diagnostics.length) {
      current = { ...(current ?? next), diagnostics: next.diagnostics };
      send("broken", next.diagnostics);
    } else {
      current = next;
      send("rebuilt", {});
    }
  };
  current = await build();

  const stateScript = (b: Build) =>
    `window.__preview = ${JSON.stringify({ title: b.title, languages: b.languages, storageKey: `skillpack-preview:${b.unitId}`, diagnostics: b.diagnostics, language: b.language })};
(function () {
  var p = window.__preview;
  var asked = new URLSearchParams(location.search).get("lang");
  if (asked && p.languages.indexOf(asked) >= 0) p.language = asked;
  var saved = null;
  try { saved = JSON.parse(localStorage.getItem(p.storageKey) || "null"); } catch (e) {}
  window.__lmsConfig = { cmi: saved || {}, launch: "/package/" + p.language + "/index.html" };
})();\n`;

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const reply = (status: number, type: string, body: string | Uint8Array) => {
      response.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" });
      response.end(body);
    };
    let path: string;
    try {
      path = decodeURIComponent((request.url ?? "/").split("?")[0]!);
    } catch {
      return reply(400, "text/plain", "Bad request");
    }
    if (request.method !== "GET" && request.method !== "HEAD") return reply(405, "text/plain", "Method not allowed");
    if (path === "/events") {
      response.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-store", Connection: "keep-alive" });
      response.write(": connected\n\n");
      clients.add(response);
      request.on("close", () => clients.delete(response));
      return;
    }
    if (path === "/preview/state.js") return reply(200, TYPES.js!, stateScript(current!));
    const asset = assets.get(path);
    if (asset) return reply(200, asset.type, asset.body);
    const match = /^\/package\/([^/]+)\/(.+)$/.exec(path);
    const content = match ? current!.files.get(match[1]!)?.get(match[2]!) : undefined;
    if (content !== undefined) return reply(200, typeOf(match![2]!), content);
    return reply(404, "text/plain; charset=utf-8", "Not found");
  };

  const server = createServer(handle);
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((ready, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 0, host, ready);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  let timer: NodeJS.Timeout | undefined;
  const unitDir = unitPath.endsWith(".json") ? dirname(unitPath) : unitPath;
  // A save in an editor is often several writes: rebuild once they settle.
  const watcher: FSWatcher = watch(unitDir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild().catch((e: Error) => options.log?.(`rebuild failed: ${e.message}`)), 150);
  });
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}/`,
    rebuild,
    async close() {
      clearTimeout(timer);
      watcher.close();
      for (const client of clients) client.end();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
