import { findScorm12Api } from "./scorm12-api.js";
import { createScorm12Tracker } from "./scorm12-tracker.js";
import { createStandaloneTracker } from "./standalone-tracker.js";
import type { Tracker } from "./tracker.js";

/** Picks the adapter at launch: a SCORM API in the parent or opener chain, otherwise standalone. */
export function chooseTracker(win: Window, unitKey: string, onError: (message: string) => void): Tracker {
  const api = findScorm12Api(win);
  return api ? createScorm12Tracker(api, onError) : createStandaloneTracker(`skillpack:${unitKey}`);
}
