/** A problem found in a unit: data, never thrown; the CLI formats it (see docs/errors.md for each code). */
export interface Diagnostic {
  /** Permanent name of the problem, e.g. "MISSING_TRANSLATION". */
  code: string;
  severity: "error" | "warning";
  /** Path relative to the working directory, with forward slashes. */
  file: string;
  /** JSON pointer into that file, "" for the whole document. */
  pointer: string;
  loc?: { line: number; column: number };
  /** What happened and why, in plain sentences. */
  message: string;
  /** How to fix it, with an example where one helps. */
  hint?: string;
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean => diagnostics.some((d) => d.severity === "error");
