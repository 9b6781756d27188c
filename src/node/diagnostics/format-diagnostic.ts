import type { Diagnostic } from "../../shared/diagnostic.js";

export interface FormatOptions {
  /** The file's text, for a code frame under the message. */
  sourceText?: string;
  color?: boolean;
}

const paint = (on: boolean, code: number, s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

/** The source line of a problem with a caret under its column (rollup's getCodeFrame, in short). */
export function codeFrame(text: string, line: number, column: number): string {
  const lines = text.split(/\r?\n/);
  const source = lines[line - 1];
  if (source === undefined) return "";
  const shown = source.length > 160 ? `${source.slice(Math.max(0, column - 60), column + 100)}` : source;
  const caretColumn = source.length > 160 ? Math.min(column, 60) : column;
  const gutter = String(line).length;
  return `  > ${line} | ${shown.replace(/\t/g, " ")}\n    ${" ".repeat(gutter)} | ${" ".repeat(Math.max(0, caretColumn - 1))}^`;
}

/**
 * error MISSING_TRANSLATION units/communication/unit.json:41:7 /sections/2/title
 *   Section 3 has no Lithuanian title, but "lt" is listed in "languages".
 *   > 41 |     "title": "Active listening",
 *        |     ^
 *   hint: add "s3.title": "…" to units/communication/i18n/lt.json.
 */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions = {}): string {
  const color = options.color ?? false;
  const severity = d.severity === "error" ? paint(color, 31, "error") : paint(color, 33, "warning");
  const where = `${d.file}${d.loc ? `:${d.loc.line}:${d.loc.column}` : ""}`;
  const lines = [`${severity} ${paint(color, 1, d.code)} ${where}${d.pointer ? ` ${d.pointer}` : ""}`, `  ${d.message}`];
  if (options.sourceText !== undefined && d.loc) {
    const frame = codeFrame(options.sourceText, d.loc.line, d.loc.column);
    if (frame) lines.push(frame);
  }
  if (d.hint) lines.push(`  ${paint(color, 36, "hint:")} ${d.hint}`);
  lines.push(`  ${paint(color, 2, `see docs/errors.md#${d.code.toLowerCase()}`)}`);
  return lines.join("\n");
}
