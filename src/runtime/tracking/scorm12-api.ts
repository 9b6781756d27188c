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
