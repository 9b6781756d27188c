import type { Agent } from "@xapi/xapi";

type Account = NonNullable<Agent["account"]>;

type Loose = Record<string, unknown>;
const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);
const text = (value: unknown): string | undefined => {
  const v = first(value);
  return typeof v === "string" && v.trim() ? v.trim() : undefined;
};

function account(value: unknown): Account | undefined {
  const a = first(value) as Loose | undefined;
  if (!a || typeof a !== "object") return undefined;
  // 0.9/0.95 named the parts accountServiceHomePage and accountName.
  const homePage = text(a.homePage) ?? text(a.accountServiceHomePage);
  const name = text(a.name) ?? text(a.accountName);
  return homePage && name ? { homePage, name } : undefined;
}

/**
 * The launch's actor as an xAPI 1.0 Agent with exactly one identifier. TC-LAUNCH-2: an LMS may
 * still send the 0.9/0.95 form, every property an array ({"name":["x"],"mbox":["mailto:x"]}); the first
 * value of each is kept. Undefined when no identifier can be found.
 */
export function normalizeActor(raw: unknown): Agent | undefined {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return undefined;
  const a = raw as Loose;
  const name = text(a.name);
  const agent: Agent = { objectType: "Agent", ...(name ? { name } : {}) };
  const mbox = text(a.mbox);
  const sha1 = text(a.mbox_sha1sum);
  const openid = text(a.openid);
  const acct = account(a.account);
  if (mbox) agent.mbox = mbox.startsWith("mailto:") ? mbox : `mailto:${mbox}`;
  else if (sha1) agent.mbox_sha1sum = sha1;
  else if (openid) agent.openid = openid;
  else if (acct) agent.account = acct;
  else return undefined;
  return agent;
}

export function parseActor(json: string | null): Agent | undefined {
  if (!json) return undefined;
  try {
    return normalizeActor(JSON.parse(json));
  } catch {
    return undefined;
  }
}
