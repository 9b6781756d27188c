import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLrs, type StartedLrs } from "../helpers/start-lrs.js";

const statement = (registration: string) => ({
  id: crypto.randomUUID(),
  actor: { objectType: "Agent", account: { homePage: "https://lms.test", name: "harness" } },
  verb: { id: "http://adlnet.gov/expapi/verbs/experienced", display: { "en-US": "experienced" } },
  object: { objectType: "Activity", id: "https://skillpack.dev/xapi/activities/harness" },
  context: { registration },
  timestamp: new Date().toISOString(),
});

describe("the test LRS (Learning Locker statements service + State API stand-in)", () => {
  let lrs: StartedLrs;
  beforeAll(async () => {
    lrs = await startLrs();
  });
  afterAll(async () => {
    await lrs?.close();
  });

  const post = (body: unknown, headers: Record<string, string>) =>
    fetch(`${lrs.endpoint}statements`, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) });

  it("checks Basic auth and the version header for real, and stores a statement once however often it is sent", async () => {
    const auth = lrs.credentials("harness");
    const registration = crypto.randomUUID();
    const s = statement(registration);
    expect((await post(s, { "X-Experience-API-Version": "1.0.3" })).status).toBe(401);
    expect((await post(s, { "X-Experience-API-Version": "1.0.3", Authorization: "Basic bm9ib2R5Om5vcGU=" })).status).toBe(401);
    expect((await post(s, { Authorization: auth })).status).toBe(400);
    expect((await post(s, { Authorization: auth, "X-Experience-API-Version": "1.0.3" })).status).toBe(200);
    expect((await post(s, { Authorization: auth, "X-Experience-API-Version": "1.0.3" })).status).toBe(200);
    expect((await post({ ...s, verb: { id: "not an iri" } }, { Authorization: auth, "X-Experience-API-Version": "1.0.3" })).status).toBe(400);
    const stored = await lrs.statements({ registration });
    expect(stored.map((x) => x.id)).toEqual([s.id]);
  });

  it("keeps state documents per activity, agent and registration, with ETags", async () => {
    const auth = lrs.credentials("harness");
    const agent = JSON.stringify({ objectType: "Agent", mbox: "mailto:a@example.org" });
    const url = (registration: string) => `${lrs.endpoint}activities/state?${new URLSearchParams({ activityId: "https://x.test/a", agent, registration, stateId: "s" })}`;
    const r1 = crypto.randomUUID();
    const headers = { Authorization: auth, "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json" };
    expect((await fetch(url(r1), { method: "PUT", headers, body: JSON.stringify({ a: 1 }) })).status).toBe(204);
    expect((await fetch(url(r1), { method: "POST", headers, body: JSON.stringify({ b: 2 }) })).status).toBe(204);
    const got = await fetch(url(r1), { headers });
    expect(await got.json()).toEqual({ a: 1, b: 2 });
    expect((await fetch(url(r1), { method: "PUT", headers: { ...headers, "If-Match": '"nope"' }, body: "{}" })).status).toBe(412);
    expect((await fetch(url(crypto.randomUUID()), { headers })).status).toBe(404);
    expect((await fetch(url(r1), { headers: { Authorization: auth } })).status).toBe(400);
  });
});
