import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Outgoing, OutboxStorage } from "../../../src/runtime/tracking/send-queue/outbox-storage.js";
import { createOutboxStorage } from "../../../src/runtime/tracking/send-queue/outbox-storage.js";
import { retryAfterMs } from "../../../src/runtime/tracking/send-queue/send-outcome.js";
import { createSendQueue } from "../../../src/runtime/tracking/send-queue/send-queue.js";

type Answer = number | "offline";

/** A fetch that answers from a script and records what it was sent. */
function fakeLrs(script: Answer[]) {
  const sent: { method: string; path: string; ids: string[]; keepalive: boolean }[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { id?: string }[] | { id?: string };
    sent.push({ method: String(init.method), path: url.replace("https://lrs.test/xAPI/", ""), ids: (Array.isArray(body) ? body : [body]).map((s) => s.id ?? "doc"), keepalive: !!init.keepalive });
    const answer = script.shift() ?? 200;
    if (answer === "offline") throw new TypeError("Failed to fetch");
    return new Response(answer === 204 ? null : "{}", { status: answer, headers: answer === 429 ? { "Retry-After": "2" } : {} });
  });
  return { fetch, sent };
}

/** An outbox in memory; `keeps: false` plays a browser whose storage is blocked or full. */
function memoryStorage(keeps = true): OutboxStorage & { saved: Outgoing[][] } {
  const saved: Outgoing[][] = [];
  const keep = (items: readonly Outgoing[]) => (saved.push([...items]), keeps);
  return { saved, save: keep, markClosed: keep, adoptOrphans: () => [] };
}

const statement = (id: string) => ({ id, actor: { mbox: "mailto:a@b.c" }, verb: { id: "http://adlnet.gov/expapi/verbs/experienced" }, object: { id: "https://x.test/a" } });
const settle = () => vi.advanceTimersByTimeAsync(0);

describe("the send queue", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  function queue(script: Answer[], storage = memoryStorage()) {
    const lrs = fakeLrs(script);
    vi.stubGlobal("fetch", lrs.fetch);
    const statuses: string[] = [];
    const log: string[] = [];
    const q = createSendQueue({ lrs: { endpoint: "https://lrs.test/xAPI/", auth: "Basic x" }, owner: "me", log: (m) => log.push(m), onStatus: (s) => statuses.push(s), storage });
    return { q, ...lrs, statuses, log, storage };
  }

  /** Two statements queued, then the LRS answers from the script; returns once the first retry is done. */
  async function sendTwo(script: Answer[]) {
    const t = queue(script);
    t.q.statement(statement("1") as never);
    t.q.statement(statement("2") as never);
    await settle();
    await vi.advanceTimersByTimeAsync(1300);
    return t;
  }

  it("sends in order, retries 503 and offline with backoff, and tells the player while it cannot", async () => {
    const t = queue([503, "offline"]);
    t.q.statement(statement("1") as never);
    t.q.statement(statement("2") as never);
    await settle();
    expect(t.statuses).toEqual(["on-device"]);
    await vi.advanceTimersByTimeAsync(1300); // first retry: offline
    await vi.advanceTimersByTimeAsync(2600); // second retry: through, both together and in order
    expect(t.sent.map((s) => s.ids)).toEqual([["1"], ["1", "2"], ["1", "2"]]);
    expect(t.q.size).toBe(0);
    expect(t.statuses).toEqual(["on-device", "saved"]);
    expect(t.storage.saved.at(-1)).toEqual([]);
  });

  it("waits as long as Retry-After says on 429", async () => {
    const t = queue([429]);
    t.q.statement(statement("1") as never);
    await settle();
    await vi.advanceTimersByTimeAsync(1900);
    expect(t.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(t.sent).toHaveLength(2);
    expect(retryAfterMs("Wed, 21 Oct 2015 07:28:00 GMT", Date.parse("Wed, 21 Oct 2015 07:27:57 GMT"))).toBe(3000);
  });

  it("drops what the LRS refuses with a 4xx, one by one so the others in its batch still go, and logs it loudly", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const t = await sendTwo([503, 400, 400, 200]);
    expect(t.sent.map((s) => s.ids)).toEqual([["1"], ["1", "2"], ["1"], ["2"]]);
    expect(t.q.size).toBe(0);
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0]![0])).toContain("rejected");
  });

  it("treats 409 on statements as already stored, and keeps only the latest waiting write of a document", async () => {
    const t = queue([409, 503]);
    t.q.statement(statement("1") as never);
    await settle();
    expect(t.q.size).toBe(0);
    t.q.putDocument("activities/state?stateId=p", JSON.stringify({ id: "v1" }));
    await settle();
    t.q.putDocument("activities/state?stateId=p", JSON.stringify({ id: "v2" }));
    t.q.putDocument("activities/state?stateId=p", JSON.stringify({ id: "v3" }));
    await vi.advanceTimersByTimeAsync(1300);
    expect(t.sent.map((s) => s.ids)).toEqual([["1"], ["v1"], ["v3"]]);
  });

  it("says progress is not kept when the browser will not store the outbox", async () => {
    const t = queue([503], memoryStorage(false));
    t.q.statement(statement("1") as never);
    await settle();
    expect(t.statuses).toEqual(["retrying"]);
    await vi.advanceTimersByTimeAsync(1300);
    expect(t.statuses).toEqual(["retrying", "saved"]);
  });

  it("sends a batch answered 409 again one by one: an LRS may have stored none of the batch's new statements", async () => {
    const t = await sendTwo(["offline", 409, 409, 200]);
    expect(t.sent.map((s) => s.ids)).toEqual([["1"], ["1", "2"], ["1"], ["2"]]);
    expect(t.q.size).toBe(0);
  });

  it("on pagehide sends the waiting statements in one keepalive POST (a second could overtake it) and the newest write of each document", async () => {
    const t = queue(["offline"]);
    t.q.statement(statement("1") as never);
    await settle();
    t.q.putDocument("activities/state?stateId=p", JSON.stringify({ id: "v1" }));
    t.q.statement(statement("2") as never);
    t.q.putDocument("activities/state?stateId=p", JSON.stringify({ id: "v2" }));
    t.q.flush();
    t.q.close();
    await settle();
    expect(t.sent.slice(1)).toEqual([
      { method: "POST", path: "statements", ids: ["1", "2"], keepalive: true },
      { method: "PUT", path: "activities/state?stateId=p", ids: ["v2"], keepalive: true },
    ]);
    expect(t.q.size).toBe(0);
  });

  it("on pagehide sends everything with keepalive, and leaves it persisted until answered", async () => {
    const t = queue(["offline"]);
    t.q.statement(statement("1") as never);
    await settle();
    t.q.statement(statement("2") as never);
    t.q.flush();
    t.q.close();
    await settle();
    expect(t.sent.at(-1)).toMatchObject({ ids: ["1", "2"], keepalive: true });
    expect(t.q.size).toBe(0);
  });
});

describe("the outbox in localStorage", () => {
  it("adopts the entries of closed or silent launches for the same endpoint only", () => {
    const data = new Map<string, string>();
    const storage = {
      get length() {
        return data.size;
      },
      key: (i: number) => [...data.keys()][i] ?? null,
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    };
    vi.stubGlobal("localStorage", storage);
    const entry = (id: string, at: number): Outgoing => ({ id, method: "POST", path: "statements", body: "{}", statement: true, at });
    let now = 1_000_000;
    createOutboxStorage("https://lrs.test/", "closed", () => undefined, () => now).markClosed([entry("b", 2), entry("a", 1)]);
    createOutboxStorage("https://lrs.test/", "alive", () => undefined, () => now).save([entry("c", 3)]);
    createOutboxStorage("https://other.test/", "elsewhere", () => undefined, () => now).markClosed([entry("d", 4)]);
    const mine = createOutboxStorage("https://lrs.test/", "me", () => undefined, () => now);
    expect(mine.adoptOrphans().map((e) => e.id)).toEqual(["a", "b"]);
    now += 10 * 60_000; // the live one has gone quiet for long
    expect(mine.adoptOrphans().map((e) => e.id)).toEqual(["c"]);
    expect([...data.keys()]).toEqual(["skillpack:outbox:elsewhere"]);
    vi.unstubAllGlobals();
  });
});
