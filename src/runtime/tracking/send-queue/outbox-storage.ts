/** One request waiting to reach the LRS. */
export interface Outgoing {
  /** Unique per entry (a statement's own id lives in its body). */
  id: string;
  method: "POST" | "PUT";
  /** Under the endpoint, with its query: "statements", "activities/state?…". */
  path: string;
  body: string;
  /** A statement: consecutive ones are POSTed together, in order. */
  statement: boolean;
  /** When it was queued (ms since the epoch): orders entries adopted from earlier launches. */
  at: number;
}

interface OutboxRecord {
  endpoint: string;
  /** Last write by its owner; a live owner with waiting entries writes at least every retry. */
  touched: number;
  /** Its page has gone (pagehide): anyone may take its entries over at once. */
  closed?: boolean;
  items: Outgoing[];
}

export interface OutboxStorage {
  /** false when the browser would not keep them (storage blocked or full): they live in this page only. */
  save(items: readonly Outgoing[]): boolean;
  /** The entries earlier launches left for this endpoint (closed, or silent for a while), taken over and removed. */
  adoptOrphans(): Outgoing[];
  markClosed(items: readonly Outgoing[]): boolean;
}

const PREFIX = "skillpack:outbox:";
/** An owner with entries retries at least every 30 s (plus a 20 s time-out); silence twice that long means it is gone. */
export const ORPHAN_AFTER_MS = 120_000;

/**
 * Each launch keeps its own outbox in localStorage, so two tabs never overwrite each other's entries, and
 * adopts those of launches that are gone: what a closed page could not send goes out on the next launch.
 * Auth is never stored; entries are resent with the adopting launch's credentials, to the same endpoint only.
 */
export function createOutboxStorage(endpoint: string, owner: string, log: (message: string) => void, now = () => Date.now()): OutboxStorage {
  const key = PREFIX + owner;
  let warned = false;
  const store = (): Storage | undefined => {
    try {
      return globalThis.localStorage;
    } catch {
      return undefined; // blocked storage: the queue still works for this page
    }
  };
  const write = (record: OutboxRecord | undefined): boolean => {
    const s = store();
    if (!s) return false;
    try {
      if (record && record.items.length) s.setItem(key, JSON.stringify(record));
      else s.removeItem(key);
      return true;
    } catch (error) {
      if (!warned) log(`statements waiting to be sent cannot be kept in this browser: ${(error as Error).message}`);
      warned = true;
      return false;
    }
  };
  return {
    save: (items) => write({ endpoint, touched: now(), items: [...items] }),
    markClosed: (items) => write({ endpoint, touched: now(), closed: true, items: [...items] }),
    adoptOrphans() {
      const s = store();
      if (!s) return [];
      const adopted: Outgoing[] = [];
      const keys: string[] = [];
      for (let i = 0; i < s.length; i++) {
        const k = s.key(i);
        if (k && k.startsWith(PREFIX) && k !== key) keys.push(k);
      }
      for (const k of keys) {
        try {
          const record = JSON.parse(s.getItem(k) ?? "null") as OutboxRecord | null;
          if (!record || record.endpoint !== endpoint || !Array.isArray(record.items)) continue;
          if (!record.closed && now() - record.touched < ORPHAN_AFTER_MS) continue;
          adopted.push(...record.items);
          s.removeItem(k);
        } catch {
          s.removeItem(k); // unreadable: nothing in it can be sent
        }
      }
      return adopted.sort((a, b) => a.at - b.at);
    },
  };
}
