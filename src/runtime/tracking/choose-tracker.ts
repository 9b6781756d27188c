import { launchedTracker } from "./launched-tracker.js";
import { findScorm12Api } from "./scorm12-api.js";
import { createScorm12Tracker } from "./scorm12-tracker.js";
import { createStandaloneTracker } from "./standalone-tracker.js";
import type { StateCodec, Tracker, TrackerHooks } from "./tracker.js";

/** true only in dist/runtime/player-xapi.js (rollup.config.mjs): the SCORM bundle leaves the xAPI and cmi5 code out. */
declare const __SKILLPACK_XAPI__: boolean;

/**
 * Picks the adapter at launch: cmi5 launch parameters, then xAPI launch parameters (an explicit launch
 * outranks an API object some frame may happen to carry), then a SCORM API in the parent or opener
 * chain, otherwise standalone.
 */
export function chooseTracker(win: Window, unitKey: string, codec: StateCodec, hooks: TrackerHooks): Tracker {
  const launched = typeof __SKILLPACK_XAPI__ !== "undefined" && __SKILLPACK_XAPI__ ? launchedTracker(win, codec, hooks) : undefined;
  if (launched) return launched;
  const api = findScorm12Api(win);
  return api ? createScorm12Tracker(api, unitKey, codec, hooks) : createStandaloneTracker(`skillpack:${unitKey}`, codec, hooks.log);
}
