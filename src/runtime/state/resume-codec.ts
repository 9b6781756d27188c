import type { ResumeState } from "../../shared/tracking-types.js";

/**
 * The bookmark as text for the LMS. Version-prefixed so an older package's data is recognised (and
 * ignored safely) instead of misread. Kept compact: SCORM 1.2 suspend_data holds 4096 characters.
 */
const VERSION = "1";

export function encodeResumeState(state: ResumeState): string {
  return `${VERSION}|${state.page}|${state.visited.join(",")}`;
}

export function decodeResumeState(text: string): ResumeState | undefined {
  const [version, page, visited] = text.split("|");
  if (version !== VERSION || !page) return undefined;
  return { page, visited: visited ? visited.split(",") : [] };
}
