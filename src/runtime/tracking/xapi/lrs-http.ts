/** Where statements and documents go, and the credentials for it; auth is never written to storage. */
export interface LrsConnection {
  /** Base URL ending with "/" (TC-LAUNCH-1). */
  endpoint: string;
  /** The Authorization header value as the LMS gave it ("Basic …"), if any. */
  auth?: string;
}

/** every request names the xAPI version; 1.0.3 is what LRSs of the 1.0.x family accept. */
export const XAPI_VERSION = "1.0.3";

export function lrsHeaders(lrs: LrsConnection, json: boolean): Record<string, string> {
  return {
    "X-Experience-API-Version": XAPI_VERSION,
    ...(json ? { "Content-Type": "application/json" } : {}),
    ...(lrs.auth ? { Authorization: lrs.auth } : {}),
  };
}

/** A resource under the endpoint with its query, e.g. resourceUrl("activities/state", {…}). */
export function resourcePath(resource: string, query: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) q.set(key, value);
  const text = q.toString();
  return text ? `${resource}?${text}` : resource;
}

export const DEFAULT_TIMEOUT_MS = 20_000;

/** One request to the LRS with a time limit: a hanging LRS counts as a failed request, never a stuck player. */
export async function lrsFetch(lrs: LrsConnection, path: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<Response> {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, ...rest } = init;
  const controller = typeof AbortController === "function" && !rest.keepalive ? new AbortController() : undefined;
  const timer = controller ? setTimeout(() => controller.abort(), timeoutMs) : undefined;
  try {
    return await fetch(lrs.endpoint + path, {
      ...rest,
      headers: { ...lrsHeaders(lrs, rest.body !== undefined), ...(rest.headers as Record<string, string> | undefined) },
      credentials: "omit",
      cache: "no-store",
      ...(controller ? { signal: controller.signal } : {}),
    });
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/** GET a document (State API, Agent Profile API): its JSON, undefined when there is none (404). Throws when unreachable. */
export async function getJsonDocument<T>(lrs: LrsConnection, path: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T | undefined> {
  const response = await lrsFetch(lrs, path, { timeoutMs });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new LrsHttpError(response.status, path);
  const text = await response.text();
  if (!text) return undefined;
  return JSON.parse(text) as T;
}

export class LrsHttpError extends Error {
  constructor(
    readonly status: number,
    path: string,
  ) {
    super(`the LRS answered ${status} to ${path.split("?")[0]}`);
  }
}
