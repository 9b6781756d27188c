import { describe, expect, it } from "vitest";
import { replayValues } from "../../../src/runtime/tracking/scorm12-device-copy.js";

describe("replaying what the LMS never took", () => {
  it("continues the interaction journal where the LMS's ends, keeps the order, and leaves out per-session elements", () => {
    const copy = {
      base: "",
      values: [
        ["cmi.core.exit", "suspend"],
        ["cmi.interactions.4.id", "q-a"],
        ["cmi.interactions.4.result", "correct"],
        ["cmi.suspend_data", "S"],
        ["cmi.interactions.5.id", "q-b"],
        ["cmi.core.session_time", "0000:01:00"],
        ["cmi.core.lesson_status", "passed"],
      ] as [string, string][],
    };
    expect(replayValues(copy, 7)).toEqual([
      ["cmi.interactions.7.id", "q-a"],
      ["cmi.interactions.7.result", "correct"],
      ["cmi.suspend_data", "S"],
      ["cmi.interactions.8.id", "q-b"],
      ["cmi.core.lesson_status", "passed"],
    ]);
  });
});
