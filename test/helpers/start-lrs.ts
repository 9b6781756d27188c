// A real LRS for browser tests, on 127.0.0.1 (see ../shared/notes/lrs.md):
// - statements: Learning Locker's statements service (@learninglocker/xapi-statements 7.8, memory mode),
//   wired here the way its dist/server.js does it (repo facades auth=fetch, events=test, models=memory,
//   storage=local) but listening on loopback only, with Basic auth really checked: its `fetch` auth repo
//   asks the client-info endpoint below, which knows only the credentials a test created;
// - documents: the State API and Agent Profile API are a STAND-IN of ours (state-api-stand-in.ts), since
//   Learning Locker's statements service has none;
// - an LMS's cmi5 `fetch` URL that hands a token out once (cmi5 §8.2), for tests that play the LMS.
// It can be stopped and restarted on the same port, or made to answer 503/429 for a while, to test the
// player's send queue. Everything is in memory: tests isolate themselves by registration and agent.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Statement } from "@xapi/xapi";
import { seededRandom } from "../../src/shared/state/quiz-draw.js";
import { createDocumentStore, type DocumentStore } from "./state-api-stand-in.js";
import { listenOnLoopback } from "./listen-loopback.js";

const require = createRequire(import.meta.url);
// Learning Locker pulls in aws-sdk v2, which prints an end-of-support notice on load.
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE ??= "1";
const LL = "@learninglocker/xapi-statements/dist";

export interface LoggedRequest {
  method: string;
  /** Path without the query. */
  path: string;
  query: Record<string, string>;
  status: number;
}

export interface Fault {
  status: number;
  /** How many xAPI requests get it (default: until clearFault()). */
  count?: number;
  retryAfterSeconds?: number;
}

/** A flaky network between the player and the LRS, for a while. */
export interface Flakiness {
  /** The share of the player's xAPI requests that fail (0–1). */
  rate: number;
  /** Seeds the draw, so a failing run can be replayed. */
  seed: number;
}

/**
 * How a flaky request failed: answered 503 before the LRS saw it; the connection cut before the LRS saw
 * it; or handled by the LRS (a statement stored) and then the connection cut before the answer left, so
 * the player cannot know it arrived and must send it again.
 */
export type Drop = "503" | "cut-before" | "answer-lost";

export interface StartedLrs {
  /** The xAPI endpoint, ending with "/": http://127.0.0.1:<port>/xAPI/ */
  endpoint: string;
  origin: string;
  /** A new client the LRS accepts; returns the Authorization header value ("Basic …"). */
  credentials(name?: string): string;
  /** Every request the LRS answered, in order (preflights excluded). */
  requests: LoggedRequest[];
  /** What Learning Locker logged at error level (it logs each rejected statement). */
  errors: string[];
  /** All statements matching the query, oldest stored first (follows `more`). */
  statements(query?: Record<string, string>): Promise<Statement[]>;
  documents: DocumentStore;
  /** cmi5 §8.2: a one-time fetch URL that returns this Basic credential as auth-token once, then error-code 1. */
  fetchUrl(authorization: string): { url: string; calls: () => { method: string; answered: "token" | "error" }[] };
  /** Refuse connections (as if the LRS were down) until restart(). */
  stop(): Promise<void>;
  restart(): Promise<void>;
  /** Answer the player's xAPI requests with this status (503, 429, …) instead of handling them. */
  fail(fault: Fault): void;
  clearFault(): void;
  /** Fail a random share of the player's xAPI requests, the three Drop ways in turn, until calm(). */
  flaky(flakiness: Flakiness): void;
  calm(): void;
  /** Every request flaky() failed, and how. */
  drops: Drop[];
  close(): Promise<void>;
}

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, PUT, POST, DELETE, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match",
  "Access-Control-Expose-Headers": "ETag, Last-Modified, X-Experience-API-Version, Content-Type, Retry-After",
  "Access-Control-Max-Age": "600",
};

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });

/** A logger with Learning Locker's interface that keeps errors in memory instead of printing them. */
function quietLogger(errors: string[]) {
  const none = () => undefined;
  return { error: (...args: unknown[]) => errors.push(args.map(String).join(" ")), warn: none, info: none, debug: none, verbose: none, silly: none, log: none };
}

export async function startLrs(): Promise<StartedLrs> {
  const dir = await mkdtemp(join(tmpdir(), "skillpack-lrs-"));
  const errors: string[] = [];
  const requests: LoggedRequest[] = [];
  const clients = new Map<string, string>();
  const documents = createDocumentStore();
  const fetches = new Map<string, { authorization: string; calls: { method: string; answered: "token" | "error" }[] }>();
  let fault: Fault | undefined;
  let chance: (() => number) | undefined;
  let flakyRate = 0;
  const drops: Drop[] = [];

  const server = createServer((req, res) => {
    route(req, res).catch((error: Error) => {
      if (!res.headersSent) res.writeHead(500, CORS).end(error.message);
      else res.destroy();
    });
  });
  const port = await listenOnLoopback(server);
  const origin = `http://127.0.0.1:${port}`;

  // Wired by hand, as dist/server.js does, so nothing reads Mongo or Redis settings or listens elsewhere.
  const repoFactory = require(`${LL}/repo/factory`).default;
  const serviceFactory = require(`${LL}/service`).default;
  const presenterFactory = require(`${LL}/expressPresenter`).default;
  const translator = require(`${LL}/translatorFactory`).default();
  const tracker = require(`${LL}/tracker`).default;
  const { aboutRoute, fullActivitiesRoute, statementsRoute } = require(`${LL}/utils/constants`);
  const express = require("express");
  const logger = quietLogger(errors);
  const llClientInfoEndpoint = `${origin}/auth/client`;
  const repo = repoFactory({
    auth: { facade: "fetch", fetch: { llClientInfoEndpoint } },
    events: { facade: "test" },
    models: { facade: "memory", memory: { state: { fullActivities: [], statements: [] } } },
    storage: { facade: "local", local: { storageDir: join(dir, "storage") } },
  });
  const service = serviceFactory({
    repo,
    tracker,
    logger,
    enableConflictChecks: true,
    enableAttachmentValidation: true,
    enableVoidingChecks: true,
    enableStatementCreation: true,
    enableAttachmentCreation: true,
    enableVoiding: true,
    enableNullRemoval: false,
    enableActorLowerCasing: false,
    enableReferencing: true,
    enableActivityUpdates: true,
    // Side effects (activity definitions, voiding) land before the answer, so tests need not poll.
    awaitUpdates: true,
  });
  const presenter = presenterFactory({
    llClientInfoEndpoint,
    customRoute: "status",
    customRouteText: "ok",
    morganDirectory: join(dir, "access-logs"),
    bodyParserLimit: "5mb",
    service,
    tracker,
    translator,
    logger,
    allowUndefinedMethod: false,
    allowFormBody: false,
  });
  const app = express();
  app.use(aboutRoute, presenter.aboutRouter);
  app.use(fullActivitiesRoute, presenter.fullActivitiesRouter);
  app.use(statementsRoute, presenter.statementsRouter);

  const adminAuth = `Basic ${Buffer.from(`admin-${randomUUID()}:${randomUUID()}`).toString("base64")}`;
  clients.set(adminAuth, "admin");

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", origin);
    const path = url.pathname;
    const query = Object.fromEntries(url.searchParams);
    if (path === "/auth/client") {
      // Learning Locker's fetch auth repo: 200 with the client for a known credential, 404 (→ 401) otherwise.
      const name = clients.get(String(req.headers.authorization ?? ""));
      if (!name) return void res.writeHead(404).end();
      res.writeHead(200, { "Content-Type": "application/json" });
      return void res.end(JSON.stringify({ _id: "5f0000000000000000000001", title: name, authority: { objectType: "Agent", mbox: `mailto:${name}@lrs.test` }, isTrusted: true, lrs_id: "5f0000000000000000000002", organisation: "5f0000000000000000000003", scopes: ["all"] }));
    }
    if (req.method === "OPTIONS") return void res.writeHead(204, CORS).end();
    const log = (status: number) => requests.push({ method: req.method ?? "GET", path, query, status });
    if (path.startsWith("/cmi5/fetch/")) {
      const entry = fetches.get(path.slice("/cmi5/fetch/".length));
      if (!entry) return void res.writeHead(404, CORS).end();
      // §8.2.1: POST only; §8.2.3.1: a second request gets error-code 1, still with HTTP 200.
      const first = req.method === "POST" && !entry.calls.some((c) => c.answered === "token");
      entry.calls.push({ method: req.method ?? "GET", answered: first ? "token" : "error" });
      log(200);
      res.writeHead(200, { ...CORS, "Content-Type": "application/json" });
      return void res.end(
        JSON.stringify(first ? { "auth-token": entry.authorization.replace(/^Basic /, "") } : { "error-code": "1", "error-text": "The authorization token has already been returned." }),
      );
    }
    if (!path.startsWith("/xAPI/")) return void res.writeHead(404, CORS).end();
    // Faults are for the player; the test's own queries (admin credentials) always get through.
    if (fault && req.headers.authorization !== adminAuth) {
      const current = fault;
      if (current.count !== undefined && --current.count <= 0) fault = undefined;
      log(current.status);
      res.writeHead(current.status, { ...CORS, ...(current.retryAfterSeconds !== undefined ? { "Retry-After": String(current.retryAfterSeconds) } : {}) });
      return void res.end();
    }
    if (chance && req.headers.authorization !== adminAuth && chance() < flakyRate) {
      // In turn, so that any three failures cover every way.
      const drop = (["503", "cut-before", "answer-lost"] as const)[drops.length % 3]!;
      drops.push(drop);
      log(drop === "503" ? 503 : 0);
      if (drop === "503") return void res.writeHead(503, CORS).end();
      if (drop === "cut-before") return void req.socket.destroy();
      // Handled in full, then the answer never leaves: the socket is cut where the answer would be written.
      const cut = () => (req.socket.destroy(), res);
      res.writeHead = cut as unknown as typeof res.writeHead;
      res.write = (() => (cut(), true)) as unknown as typeof res.write;
      res.end = cut as unknown as typeof res.end;
    }
    const resource = path.slice("/xAPI/".length);
    if (resource === "activities/state" || resource === "agents/profile") {
      const body = await readBody(req);
      const send = (status: number, out?: string | Buffer, headers: Record<string, string> = {}) => {
        log(status);
        res.writeHead(status, { ...CORS, "X-Experience-API-Version": "1.0.3", ...headers });
        res.end(out);
      };
      if (!clients.has(String(req.headers.authorization ?? ""))) return send(401, "unknown credentials");
      if (!/^1\.0(\.\d+)?$/.test(String(req.headers["x-experience-api-version"] ?? ""))) return send(400, "X-Experience-API-Version 1.0.x is required");
      return documents.handle(resource, req, body, query, send);
    }
    // Statements, about and activities: Learning Locker itself.
    res.on("finish", () => log(res.statusCode));
    app(req, res);
  }

  const open = () =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
  const shut = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });

  return {
    endpoint: `${origin}/xAPI/`,
    origin,
    requests,
    errors,
    documents,
    credentials(name = `client-${clients.size}`) {
      const authorization = `Basic ${Buffer.from(`${name}-${randomUUID()}:${randomUUID()}`).toString("base64")}`;
      clients.set(authorization, name);
      return authorization;
    },
    async statements(q = {}) {
      const out: Statement[] = [];
      let next: string | undefined = `/xAPI/statements?${new URLSearchParams({ ascending: "true", limit: "500", ...q })}`;
      while (next) {
        const response = await fetch(origin + next, { headers: { Authorization: adminAuth, "X-Experience-API-Version": "1.0.3" } });
        if (!response.ok) throw new Error(`GET statements: ${response.status} ${await response.text()}`);
        const page = (await response.json()) as { statements: Statement[]; more?: string };
        out.push(...page.statements);
        next = page.more || undefined;
      }
      return out;
    },
    fetchUrl(authorization) {
      const key = randomUUID();
      const entry = { authorization, calls: [] as { method: string; answered: "token" | "error" }[] };
      fetches.set(key, entry);
      return { url: `${origin}/cmi5/fetch/${key}`, calls: () => entry.calls };
    },
    stop: shut,
    restart: open,
    fail(f) {
      fault = { ...f };
    },
    clearFault() {
      fault = undefined;
    },
    flaky({ rate, seed }) {
      flakyRate = rate;
      chance = seededRandom(seed); // the player's own mulberry32: the same seed, the same failures
    },
    calm() {
      chance = undefined;
    },
    drops,
    async close() {
      await shut().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
