import type { Scorm12Api } from "./scorm12-api.js";

/**
 * Every LMSSetValue and LMSCommit goes through here. A call the LMS refuses for a passing reason (a
 * network hiccup behind LMSCommit, error 101) is kept and replayed in order, with back-off; the latest
 * value per element wins. A value the LMS rejects as wrong (2xx, 4xx: a bug, not a hiccup) is logged and
 * dropped, so it cannot hold the others back. The learner is never stopped.
 */
export interface Scorm12Queue {
  set(element: string, value: string): void;
  /** Ask for an LMSCommit once everything before it is written. */
  commit(): void;
  /** Try everything now; true when nothing is left waiting. */
  flush(): boolean;
  /**
   * The last chance (the page is going away): retry at once, until nothing is left or LAST_CHANCE_TRIES
   * tries in a row make no progress. A share of failed calls is then no reason to lose what waits.
   */
  drain(): boolean;
  /** Stop retrying: the session is over. */
  close(): void;
}

// SCORM 1.2 RTE 3.3.2: 201-203 (argument) and 401-405 (element) are the SCO's mistakes; retrying cannot help.
const PERMANENT = new Set(["201", "202", "203", "401", "402", "403", "404", "405"]);
const FIRST_DELAY = 1000;
const MAX_DELAY = 15000;
const LAST_CHANCE_TRIES = 10;

export interface Scorm12QueueEvents {
  log(message: string): void;
  /** "retrying" while something waits, "saved" once all of it is through. */
  onStatus(status: "saved" | "retrying"): void;
  /** An LMSCommit succeeded: everything set before it is with the LMS. */
  onCommitted(): void;
}

export function createScorm12Queue(api: Scorm12Api, events: Scorm12QueueEvents): Scorm12Queue {
  const { log, onStatus } = events;
  const pending = new Map<string, string>();
  let commitWanted = false;
  let failing = false;
  let closed = false;
  let timer: number | undefined;
  let delay = FIRST_DELAY;

  const problem = (now: boolean) => {
    if (now !== failing) onStatus((failing = now) ? "retrying" : "saved");
  };
  const lastError = () => {
    const code = String(api.LMSGetLastError());
    return { code, text: `${code} ${String(api.LMSGetErrorString(code))}` };
  };
  const retryLater = () => {
    problem(true);
    if (timer !== undefined || closed) return;
    timer = window.setTimeout(() => {
      timer = undefined;
      flush();
    }, delay);
    delay = Math.min(MAX_DELAY, delay * 2);
  };

  /** One LMSSetValue; false when it must be retried. */
  const write = (element: string, value: string): boolean => {
    if (String(api.LMSSetValue(element, value)) === "true") return true;
    const error = lastError();
    log(`LMSSetValue("${element}") failed: ${error.text}`);
    return PERMANENT.has(error.code);
  };

  function flush(): boolean {
    if (closed) return pending.size === 0 && !commitWanted;
    for (const [element, value] of pending) {
      if (!write(element, value)) {
        retryLater();
        return false;
      }
      pending.delete(element);
    }
    if (commitWanted) {
      if (String(api.LMSCommit("")) !== "true") {
        log(`LMSCommit failed: ${lastError().text}`);
        retryLater();
        return false;
      }
      commitWanted = false;
      events.onCommitted();
    }
    delay = FIRST_DELAY;
    problem(false);
    return true;
  }

  return {
    set(element, value) {
      if (closed) return;
      // Order matters (an interaction's id before its other fields), so nothing overtakes a waiting value.
      if (pending.size === 0 && write(element, value)) return;
      pending.set(element, value);
      if (pending.size === 1) retryLater();
    },
    commit() {
      commitWanted = true;
      flush();
    },
    flush,
    drain() {
      const waiting = () => pending.size + (commitWanted ? 1 : 0);
      let left = waiting();
      for (let stalled = 0; stalled < LAST_CHANCE_TRIES; ) {
        if (flush()) return true;
        stalled = waiting() < left ? 0 : stalled + 1;
        left = waiting();
      }
      return false;
    },
    close() {
      closed = true;
      window.clearTimeout(timer);
      timer = undefined;
    },
  };
}
