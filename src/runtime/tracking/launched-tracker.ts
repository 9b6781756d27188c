import { createCmi5Tracker } from "./cmi5/cmi5-tracker.js";
import { readCmi5Launch } from "./cmi5/cmi5-launch.js";
import type { StateCodec, Tracker, TrackerHooks } from "./tracker.js";
import { readXapiLaunch } from "./xapi/launch-parameters.js";
import { createXapiTracker } from "./xapi/xapi-tracker.js";

/**
 * The adapter the launch URL asks for: cmi5's five parameters first (a cmi5 launch also carries an
 * endpoint and an actor), then Tin Can's; undefined when the URL has neither (DESIGN.md §2).
 */
export function launchedTracker(win: Window, codec: StateCodec, hooks: TrackerHooks): Tracker | undefined {
  const search = win.location.search;
  const cmi5 = readCmi5Launch(search);
  if (cmi5) return createCmi5Tracker(cmi5, codec, hooks, win.document);
  const xapi = readXapiLaunch(search);
  return xapi ? createXapiTracker(xapi, codec, hooks, win.document) : undefined;
}
