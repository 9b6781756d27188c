import type { Statement } from "@xapi/xapi";
import type { SaveStatus } from "../tracker.js";
import { lrsFetch, type LrsConnection } from "../xapi/lrs-http.js";
import { uuid4 } from "../xapi/uuid.js";
import { createOutboxStorage, type Outgoing, type OutboxStorage } from "./outbox-storage.js";
import { failureOutcome, outcomeOf, type SendOutcome } from "./send-outcome.js";

/**
 * Everything the player tells the LRS goes through here: statements and state writes, in the order they
 * happened. Each is persisted (localStorage) before the first attempt, so a failure loses nothing:
 * offline, a time-out, 408, 429 or 5xx keep it and retry with backoff (and Retry-After), in order, when
 * the network returns and on the next launch; a 4xx other than 408/409/429 is our bug and is logged and
 * dropped, so one bad statement cannot hold back the rest. On pagehide whatever waits goes out with
 * fetch(…, { keepalive: true }), which outlives the page. Statement ids are fixed when a statement is
 * made, so a resend after an answer that got lost on the way is stored once (xAPI 1.0.3 §2.1.3).
 */
export interface SendQueue {
  statement(statement: Statement): void;
  /** A whole document (State API PUT); a newer write to the same document replaces a waiting older one. */
  putDocument(path: string, body: string): void;
  /** Sends now; resolves true once nothing is waiting, false when it gives up waiting (the queue keeps trying). */
  drain(timeoutMs: number): Promise<boolean>;
  /** The page may be going away: send everything waiting with keepalive, and leave it persisted until answered. */
  flush(): void;
  /** The page has gone: the entries still waiting are left for the next launch. */
  close(): void;
  readonly size: number;
}

export interface SendQueueOptions {
  lrs: LrsConnection;
  /** This launch's own outbox key. */
  owner: string;
  log(message: string): void;
  /**
   * "on-device" while something could not be sent but is kept in this browser, "retrying" when the
   * browser would not keep it, "saved" once everything is through.
   */
  onStatus(status: SaveStatus): void;
  storage?: OutboxStorage;
}

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 30_000;
/** Statements per POST and bytes per request: well inside keepalive's 64 KiB budget and LRS body limits. */
const BATCH_STATEMENTS = 50;
const BATCH_BYTES = 48 * 1024;
/** keepalive requests of one page share 64 KiB of body in flight (Fetch standard, "keepalive"). */
const KEEPALIVE_BYTES = 60 * 1024;

const bytes = (text: string) => (typeof TextEncoder === "function" ? new TextEncoder().encode(text).length : text.length * 3);

export function createSendQueue(options: SendQueueOptions): SendQueue {
  const { lrs, log } = options;
  const storage = options.storage ?? createOutboxStorage(lrs.endpoint, options.owner, log);
  const items: Outgoing[] = storage.adoptOrphans();
  const inFlight = new Set<string>();
  let status: SaveStatus = "saved";
  let kept = true;
  let closed = false;
  let sending = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delay = FIRST_DELAY_MS;
  const idle: (() => void)[] = [];

  const persist = () => {
    kept = closed ? storage.markClosed(items) : storage.save(items);
    if (status !== "saved") report(items.length ? "waiting" : "through");
  };
  const report = (now: "waiting" | "through") => {
    const next: SaveStatus = now === "through" ? "saved" : kept ? "on-device" : "retrying";
    if (next !== status) options.onStatus((status = next));
  };
  const remove = (ids: readonly string[]) => {
    for (const id of ids) {
      const i = items.findIndex((item) => item.id === id);
      if (i >= 0) items.splice(i, 1);
    }
    persist();
  };
  /** Sent: gone from the outbox, and with a document, any older write of it that still waits (it is superseded). */
  const delivered = (batch: readonly Outgoing[]) => {
    const superseded = items.filter((item) => !item.statement && batch.some((b) => !b.statement && b.path === item.path && b.at >= item.at));
    remove([...batch.map((b) => b.id), ...superseded.map((item) => item.id)]);
  };
  const settleIdle = () => {
    if (items.length) return;
    report("through");
    for (const resolve of idle.splice(0)) resolve();
  };

  /** The next request from the head: a run of statements POSTed together, or one document. */
  function nextBatch(from: readonly Outgoing[], maxBytes: number): Outgoing[] {
    const head = from[0];
    if (!head) return [];
    if (!head.statement) return [head];
    const batch: Outgoing[] = [];
    let size = 2;
    for (const item of from) {
      if (!item.statement || batch.length >= BATCH_STATEMENTS) break;
      const itemBytes = bytes(item.body) + 1;
      if (batch.length && size + itemBytes > maxBytes) break;
      batch.push(item);
      size += itemBytes;
    }
    return batch;
  }

  const requestOf = (batch: Outgoing[]) =>
    batch[0]!.statement
      ? { method: "POST", path: "statements", body: `[${batch.map((b) => b.body).join(",")}]` }
      : { method: batch[0]!.method, path: batch[0]!.path, body: batch[0]!.body };

  async function attempt(batch: Outgoing[], keepalive: boolean): Promise<SendOutcome> {
    const request = requestOf(batch);
    try {
      const response = await lrsFetch(lrs, request.path, { method: request.method, body: request.body, keepalive });
      return await outcomeOf(response, batch[0]!.statement ? batch.length : 0);
    } catch (error) {
      return failureOutcome(error);
    }
  }

  function scheduleRetry(afterMs?: number) {
    report("waiting");
    if (closed || timer !== undefined) return;
    const wait = afterMs ?? delay * (1 + Math.random() * 0.25);
    delay = Math.min(MAX_DELAY_MS, delay * 2);
    timer = setTimeout(() => {
      timer = undefined;
      void pump();
    }, wait);
    persist(); // touches the outbox: a live owner is not mistaken for a gone one
  }

  async function pump(): Promise<void> {
    if (sending || closed || timer !== undefined) return;
    sending = true;
    try {
      while (items.length && !closed) {
        if (typeof navigator !== "undefined" && navigator.onLine === false) {
          scheduleRetry(); // the "online" event cuts the wait short
          return;
        }
        const batch = nextBatch(items, BATCH_BYTES);
        for (const b of batch) inFlight.add(b.id);
        const outcome = await attempt(batch, false);
        for (const b of batch) inFlight.delete(b.id);
        if (outcome.kind === "retry") {
          log(`could not reach the LRS (${outcome.reason}); ${items.length} waiting, trying again`);
          scheduleRetry(outcome.afterMs);
          return;
        }
        if (outcome.kind === "rejected" && batch.length > 1) {
          // One statement in the batch is wrong: send them one by one, so only that one is dropped.
          await sendOneByOne(batch);
          if (timer !== undefined) return;
          continue;
        }
        if (outcome.kind === "rejected") reject(batch[0]!, outcome.reason);
        else delivered(batch);
        delay = FIRST_DELAY_MS;
      }
    } finally {
      sending = false;
      settleIdle();
    }
  }

  async function sendOneByOne(batch: Outgoing[]) {
    for (const item of batch) {
      const outcome = await attempt([item], false);
      if (outcome.kind === "retry") {
        scheduleRetry(outcome.afterMs);
        return;
      }
      if (outcome.kind === "rejected") reject(item, outcome.reason);
      else delivered([item]);
    }
  }

  function reject(item: Outgoing, reason: string) {
    // Loud on purpose: a rejected statement is a bug in skillpack, and it is about to be thrown away.
    console.error(`[skillpack] the LRS rejected a ${item.statement ? "statement" : "document"}; it is dropped, not retried. ${reason}\n${item.body}`);
    log(`the LRS rejected ${item.method} ${item.path.split("?")[0]}: ${reason}`);
    remove([item.id]);
  }

  const wake = () => {
    if (closed) return;
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    delay = FIRST_DELAY_MS;
    void pump();
  };
  if (typeof window !== "undefined") window.addEventListener("online", wake);

  const enqueue = (item: Outgoing) => {
    if (closed) return;
    items.push(item);
    persist();
    void pump();
  };

  return {
    get size() {
      return items.length;
    },
    statement(statement) {
      enqueue({ id: uuid4(), method: "POST", path: "statements", body: JSON.stringify(statement), statement: true, at: Date.now() });
    },
    putDocument(path, body) {
      if (closed) return;
      const waiting = items.find((item) => !item.statement && item.path === path && !inFlight.has(item.id));
      if (waiting) {
        waiting.body = body;
        persist();
        void pump();
        return;
      }
      enqueue({ id: uuid4(), method: "PUT", path, body, statement: false, at: Date.now() });
    },
    drain(timeoutMs) {
      if (!items.length) return Promise.resolve(true);
      wake();
      return new Promise<boolean>((resolve) => {
        const done = () => resolve(true);
        idle.push(done);
        setTimeout(() => {
          const i = idle.indexOf(done);
          if (i >= 0) idle.splice(i, 1);
          resolve(items.length === 0);
        }, timeoutMs);
      });
    },
    flush() {
      if (closed || !items.length) return;
      persist();
      // Keepalive requests may land in any order, so only the oldest run of statements goes now, in one
      // POST: a second one could land first and be stored ahead of it. The rest wait in the outbox for
      // the next launch (or the next flush), which keeps the order. Documents are whole and independent:
      // only the newest write of each (two in flight could land the older one last).
      const statements = nextBatch(items.filter((item) => item.statement), Math.min(BATCH_BYTES, KEEPALIVE_BYTES));
      const documents = items.filter((item, i) => !item.statement && !items.slice(i + 1).some((later) => !later.statement && later.path === item.path));
      let budget = KEEPALIVE_BYTES;
      for (const batch of [statements, ...documents.map((d) => [d])]) {
        const size = batch.length ? bytes(requestOf(batch).body) : Infinity;
        if (size > budget) continue;
        budget -= size;
        void attempt(batch, true).then((outcome) => {
          if (outcome.kind === "sent") delivered(batch);
          settleIdle();
        });
      }
    },
    close() {
      if (closed) return;
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      if (typeof window !== "undefined") window.removeEventListener("online", wake);
      persist();
    },
  };
}
