// A STAND-IN for an LRS's document APIs: the State API (activities/state) and the Agent Profile API
// (agents/profile), following the xAPI 1.0.3 document rules. Learning Locker's statements service, which
// start-lrs.ts runs as the real LRS, has neither, and no LRS with a State API installs from the registries
// this project can reach (see ../shared/notes/lrs.md). Rules kept: PUT stores, POST merges JSON objects
// (400 when either side is not one), GET one or the ids (with `since`), DELETE one or all; ETag with
// If-Match / If-None-Match (412 when they fail); scoping by activityId + agent (by its identifier) +
// registration + stateId; the X-Experience-API-Version header is required.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

interface StoredDocument {
  body: Buffer;
  contentType: string;
  etag: string;
  updated: Date;
}

export interface DocumentWrite {
  resource: "activities/state" | "agents/profile";
  method: string;
  query: Record<string, string>;
  status: number;
}

type Send = (status: number, body?: string | Buffer, headers?: Record<string, string>) => void;

/** Agents are the same agent when their identifier is (xAPI 1.0.3 §2.4.2.1); the name does not count. */
export function agentKey(agent: unknown): string | undefined {
  if (!agent || typeof agent !== "object") return undefined;
  const a = agent as Record<string, unknown>;
  const ifis = [
    typeof a.mbox === "string" ? `mbox:${a.mbox}` : undefined,
    typeof a.mbox_sha1sum === "string" ? `sha1:${a.mbox_sha1sum}` : undefined,
    typeof a.openid === "string" ? `openid:${a.openid}` : undefined,
    a.account && typeof a.account === "object" ? `account:${(a.account as Record<string, string>).homePage}|${(a.account as Record<string, string>).name}` : undefined,
  ].filter((x): x is string => !!x);
  return ifis.length === 1 ? ifis[0] : undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === "object" && !Array.isArray(value);
const parseJson = (body: Buffer): unknown => {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return undefined;
  }
};

export function createDocumentStore() {
  const documents = new Map<string, StoredDocument>();
  const writes: DocumentWrite[] = [];

  const scopeOf = (resource: DocumentWrite["resource"], query: Record<string, string>, send: Send): string | undefined => {
    let agent: unknown;
    try {
      agent = JSON.parse(query.agent ?? "");
    } catch {
      agent = undefined;
    }
    const key = agentKey(agent);
    if (!key) return void send(400, "agent must be a JSON Agent with exactly one identifier");
    if (resource === "activities/state") {
      if (!query.activityId) return void send(400, "activityId is required");
      if (query.registration !== undefined && !/^[0-9a-f-]{36}$/i.test(query.registration)) return void send(400, "registration must be a UUID");
      return `state|${query.activityId}|${key}|${query.registration ?? ""}`;
    }
    return `profile|${key}`;
  };
  const idParam = (resource: DocumentWrite["resource"]) => (resource === "activities/state" ? "stateId" : "profileId");

  function handle(resource: DocumentWrite["resource"], req: IncomingMessage, body: Buffer, query: Record<string, string>, send: Send): void {
    const method = req.method ?? "GET";
    const record = (status: number, out?: string | Buffer, headers?: Record<string, string>) => {
      if (method !== "GET") writes.push({ resource, method, query, status });
      send(status, out, headers);
    };
    const scope = scopeOf(resource, query, record);
    if (!scope) return;
    const id = query[idParam(resource)];
    const key = `${scope}|${id ?? ""}`;
    const existing = id ? documents.get(key) : undefined;
    const ifMatch = req.headers["if-match"];
    const ifNoneMatch = req.headers["if-none-match"];
    if (method === "GET") {
      if (id) {
        if (!existing) return record(404, "no such document");
        return record(200, existing.body, { "Content-Type": existing.contentType, ETag: `"${existing.etag}"`, "Last-Modified": existing.updated.toUTCString() });
      }
      const since = query.since ? new Date(query.since) : undefined;
      const ids = [...documents.entries()]
        .filter(([k, d]) => k.startsWith(`${scope}|`) && (!since || d.updated > since))
        .map(([k]) => k.slice(scope.length + 1));
      return record(200, JSON.stringify(ids), { "Content-Type": "application/json" });
    }
    if (method === "DELETE") {
      if (id) documents.delete(key);
      else for (const k of [...documents.keys()]) if (k.startsWith(`${scope}|`)) documents.delete(k);
      return record(204);
    }
    if (method !== "PUT" && method !== "POST") return record(405, "method not allowed");
    if (!id) return record(400, `${idParam(resource)} is required`);
    // Concurrency (xAPI 1.0.3 §2.3.2 / §6.3): If-Match must name the current ETag; If-None-Match: * only for a new document.
    if (ifMatch && (!existing || ifMatch.replace(/"/g, "") !== existing.etag)) return record(412, "If-Match failed");
    if (ifNoneMatch === "*" && existing) return record(412, "If-None-Match failed");
    const contentType = String(req.headers["content-type"] ?? "application/octet-stream");
    let stored = body;
    if (method === "POST" && existing) {
      const [before, after] = [parseJson(existing.body), parseJson(body)];
      if (!isObject(before) || !isObject(after) || !existing.contentType.includes("json") || !contentType.includes("json")) return record(400, "POST merges JSON objects only");
      stored = Buffer.from(JSON.stringify({ ...before, ...after }));
    }
    if (contentType.includes("json") && !isObject(parseJson(stored)) && parseJson(stored) === undefined) return record(400, "the body is not JSON");
    const etag = createHash("sha1").update(stored).digest("hex");
    documents.set(key, { body: stored, contentType, etag, updated: new Date() });
    return record(204, undefined, { ETag: `"${etag}"` });
  }

  return {
    handle,
    writes,
    /** For a test playing the LMS or checking what the AU saved. */
    put(resource: DocumentWrite["resource"], query: Record<string, string>, value: unknown) {
      const scope = scopeOf(resource, query, () => undefined);
      if (!scope) throw new Error(`bad document scope ${JSON.stringify(query)}`);
      const body = Buffer.from(JSON.stringify(value));
      documents.set(`${scope}|${query[idParam(resource)]}`, { body, contentType: "application/json", etag: createHash("sha1").update(body).digest("hex"), updated: new Date() });
    },
    get(resource: DocumentWrite["resource"], query: Record<string, string>): unknown {
      const scope = scopeOf(resource, query, () => undefined);
      const doc = scope ? documents.get(`${scope}|${query[idParam(resource)]}`) : undefined;
      return doc ? parseJson(doc.body) : undefined;
    },
  };
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;
