import type { VerbName } from "../xapi/vocabulary.js";

export type LaunchMode = "Normal" | "Browse" | "Review";

/** The verbs cmi5 defines for an AU (cmi5 §9.3); every other verb is "cmi5 allowed" (§7.1.3). */
export const CMI5_DEFINED: ReadonlySet<VerbName> = new Set<VerbName>(["initialized", "completed", "passed", "failed", "terminated"]);
/** Verbs that count once per registration, kept in our state document across launches. */
const PER_REGISTRATION: ReadonlySet<VerbName> = new Set<VerbName>(["completed", "passed", "failed"]);

export interface VerbRules {
  /** true when a statement with this verb may go out now; it is then counted as sent. */
  admit(verb: VerbName): boolean;
  /** Verbs of this registration sent in earlier sessions (from the state document). */
  restore(reported: readonly string[]): void;
  /** completed / passed / failed sent in this registration, this session included. */
  reported(): string[];
}

/**
 * The session and registration rules of cmi5 §9.3, which the plain xAPI adapter follows too: an LRS
 * report reads the same either way, and a relaunch never sends a second completion.
 */
export function createVerbRules(mode: LaunchMode): VerbRules {
  const session = new Set<VerbName>();
  const registration = new Set<string>();
  let initialized = false;
  let terminated = false;
  return {
    admit(verb) {
      // cmi5 §9.3.8: terminated is the last statement of the session, of any kind.
      if (terminated) return false;
      // cmi5 §9.3.2 / §7.1.1: initialized is the first statement of the session, of any kind.
      if (!initialized && verb !== "initialized") return false;
      // cmi5 §10 launchMode: in Browse and Review only initialized and terminated are sent.
      if (mode !== "Normal" && verb !== "initialized" && verb !== "terminated") return false;
      if (CMI5_DEFINED.has(verb)) {
        // cmi5 §9.3: a cmi5 defined verb is not duplicated within a session ...
        if (session.has(verb)) return false;
        // ... and at most one of passed and failed is used in it.
        if ((verb === "passed" || verb === "failed") && (session.has("passed") || session.has("failed"))) return false;
        // cmi5 §9.3.3, §9.3.4: one completed and one passed per registration; §9.3: no failed after passed.
        if (verb === "completed" && registration.has("completed")) return false;
        if ((verb === "passed" || verb === "failed") && registration.has("passed")) return false;
        session.add(verb);
        if (PER_REGISTRATION.has(verb)) registration.add(verb);
      }
      if (verb === "initialized") initialized = true;
      if (verb === "terminated") terminated = true;
      return true;
    },
    restore(reported) {
      for (const verb of reported) registration.add(verb);
    },
    reported: () => [...registration],
  };
}
