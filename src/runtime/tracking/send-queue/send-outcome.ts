/** What one attempt to send came to. */
export type SendOutcome =
  | { kind: "sent" }
  /** Offline, a time-out, 408, 429 or 5xx: the request was fine, the moment was not. Kept and resent. */
  | { kind: "retry"; reason: string; afterMs?: number }
  /** Any other 4xx: the LRS refuses what we sent, and will refuse it again. A bug of ours: dropped, loudly. */
  | { kind: "rejected"; reason: string };

const RETRY_STATUS = new Set([408, 429]);

/** Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3), in milliseconds; capped so a wrong header cannot park the queue. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, 120_000) : undefined;
}

/**
 * Sorts an LRS answer. `statements` is how many statements the request carried: for one, 409 means "a
 * statement with this id is already stored" (xAPI 1.0.3 §2.1.3: same id, the LRS keeps the first), so it
 * was delivered before (its answer was lost on the way). For a batch, 409 says only that some of them
 * were, and an LRS may have stored none of the rest: it counts as refused, so the queue sends them one
 * by one. A document's 409 is a concurrency hiccup and is retried.
 */
export async function outcomeOf(response: Response, statements: number): Promise<SendOutcome> {
  const { status } = response;
  if (status >= 200 && status < 300) return { kind: "sent" };
  if (status === 409 && statements === 1) return { kind: "sent" };
  if (status === 409 && statements > 1) return { kind: "rejected", reason: "HTTP 409: some of these statements were stored before" };
  if (RETRY_STATUS.has(status) || status === 409 || status >= 500) {
    const afterMs = retryAfterMs(response.headers.get("Retry-After"));
    return { kind: "retry", reason: `HTTP ${status}`, ...(afterMs !== undefined ? { afterMs } : {}) };
  }
  let detail = "";
  try {
    detail = (await response.text()).slice(0, 500);
  } catch {
    /* the body is only for the log */
  }
  return { kind: "rejected", reason: `HTTP ${status}${detail ? `: ${detail}` : ""}` };
}

/** A fetch that threw: offline, DNS, CORS, refused connection, or our own time-out (AbortError). */
export const failureOutcome = (error: unknown): SendOutcome => ({ kind: "retry", reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
