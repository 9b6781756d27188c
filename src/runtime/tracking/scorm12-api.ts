/** The SCORM 1.2 LMS API object (RTE 3.4): every function takes and returns strings. */
export interface Scorm12Api {
  LMSInitialize(arg: ""): string;
  LMSFinish(arg: ""): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ""): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}

const MAX_DEPTH = 7; // ADL's discovery algorithm and Moodle's loadSCO.php both stop after 7 parents

function searchParents(start: Window): Scorm12Api | undefined {
  let win: Window = start;
  for (let depth = 0; depth <= MAX_DEPTH; depth++) {
    try {
      const api = (win as unknown as { API?: Scorm12Api }).API;
      if (api && typeof api.LMSInitialize === "function") return api;
    } catch {
      return undefined; // a cross-origin frame: no API beyond it
    }
    if (win.parent === win) return undefined;
    win = win.parent;
  }
  return undefined;
}

/** Finds the LMS's `API` in the parent chain, then in the opener's chain (Moodle's pop-up mode), per RTE-API-1. */
export function findScorm12Api(win: Window): Scorm12Api | undefined {
  return searchParents(win) ?? (win.opener ? searchParents(win.opener as Window) : undefined);
}

/**
 * The same API, but a call that throws (the LMS's frame went away mid-session, its script broke) answers
 * like a failed call instead, with error 101: the player keeps the value for a retry and the learner goes on.
 */
export function neverThrowing(api: Scorm12Api): Scorm12Api {
  const guard =
    <A extends unknown[]>(call: (...args: A) => string, fallback: string) =>
    (...args: A): string => {
      try {
        return call(...args);
      } catch {
        return fallback;
      }
    };
  return {
    LMSInitialize: guard((arg) => api.LMSInitialize(arg), "false"),
    LMSFinish: guard((arg) => api.LMSFinish(arg), "false"),
    LMSGetValue: guard((element) => api.LMSGetValue(element), ""),
    LMSSetValue: guard((element, value) => api.LMSSetValue(element, value), "false"),
    LMSCommit: guard((arg) => api.LMSCommit(arg), "false"),
    LMSGetLastError: guard(() => api.LMSGetLastError(), "101"),
    LMSGetErrorString: guard((code) => api.LMSGetErrorString(code), "General Exception"),
    LMSGetDiagnostic: guard((code) => api.LMSGetDiagnostic(code), ""),
  };
}
