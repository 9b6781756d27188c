import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { formatDiagnostic } from "../node/diagnostics/format-diagnostic.js";
import type { Diagnostic } from "../shared/diagnostic.js";

export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
  color: boolean;
  quiet: boolean;
  /** A line that replaces itself on a terminal (progress); absent when output is a file or CI log. */
  status?: (line: string) => void;
}

/** Colours only on a terminal, and never when NO_COLOR is set (no-color.org). */
export const useColor = (stream: NodeJS.WriteStream) => Boolean(stream.isTTY) && !("NO_COLOR" in process.env) && process.env.TERM !== "dumb";

export function printDiagnostics(diagnostics: readonly Diagnostic[], output: Output, cwd: string): void {
  const texts = new Map<string, string | undefined>();
  const textOf = (file: string) => {
    if (!texts.has(file)) {
      try {
        texts.set(file, readFileSync(resolve(cwd, file), "utf8").replace(/^\uFEFF/, ""));
      } catch {
        texts.set(file, undefined);
      }
    }
    return texts.get(file);
  };
  for (const d of diagnostics) {
    if (output.quiet && d.severity !== "error") continue;
    output.err(`${formatDiagnostic(d, { sourceText: textOf(d.file), color: output.color })}\n`);
  }
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  if (errors || (warnings && !output.quiet))
    output.err(`${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}.`);
}

export const formatSize = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1048576 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1048576).toFixed(2)} MB`);
