import type { AnswerRecord } from "../../shared/tracking-types.js";
import { cmiTimespan } from "./cmi-timespan.js";

/**
 * cmi.interactions.n.* in SCORM 1.2's own formats (RTE 3.4.2, RULES.md RTE-DM-1/2): an option is one
 * character 0-9a-z (its position in the authored list), matching pairs are "0.a", results are "wrong"
 * (not 2004's "incorrect"), and every value stays within 255 characters.
 */

const char = (position: number) => (position >= 0 && position < 36 ? position.toString(36) : "");
const positions = (ids: readonly string[], options: readonly string[]) => ids.map((id) => char(options.indexOf(id))).filter(Boolean);
/** Matching targets as letters (a, b, …) so "0.a" reads as "first card → answer a". */
const target = (position: number) => (position >= 0 && position < 26 ? (10 + position).toString(36) : "");

/** CMIIdentifier: printable ASCII without spaces, at most 255 (Moodle's rule, stricter than the spec's). */
export const cmiIdentifier = (text: string) => text.replace(/[^\x21-\x7e]/g, "_").slice(0, 255) || "item";

/** CMIDecimal as Moodle checks it: at most 3 digits before the point. */
const CMI_DECIMAL = /^-?\d{0,3}(\.\d+)?$/;
const decimal = (text: string) => {
  const t = text.trim().replace(",", ".");
  return t !== "" && CMI_DECIMAL.test(t) ? t : undefined;
};

/** CMITime: the time of day the answer was given, HH:MM:SS. */
export function cmiTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

function formatResponse(a: AnswerRecord, values: readonly string[]): string | undefined {
  const options = a.options ?? [];
  switch (a.type) {
    case "choice":
    case "sequencing": {
      const chars = positions(values, options);
      return chars.length ? chars.join(",") : undefined;
    }
    case "matching": {
      const pairs = values.map((v, i) => (v ? `${char(i)}.${target(options.indexOf(v))}` : "")).filter((p) => /^.\..$/.test(p));
      return pairs.length ? pairs.join(",") : undefined;
    }
    case "true-false":
      return values[0] === "true" ? "t" : values[0] === "false" ? "f" : undefined;
    case "likert":
      return /^[0-9a-z]$/.test(values[0] ?? "") ? values[0] : undefined;
    case "numeric":
      return decimal(values[0] ?? "");
    default:
      return values[0] === undefined ? undefined : values.join(" ").slice(0, 255);
  }
}

/** The elements to set for one answer, in the order Moodle wants them (id first), or [] when nothing was answered. */
export function interactionValues(a: AnswerRecord, answeredAt: Date): [string, string][] {
  // A number SCORM 1.2 cannot hold as CMIDecimal (1000, "abc") is kept as fill-in text instead of being refused.
  const numericFits = a.type !== "numeric" || (decimal(a.response[0] ?? "") !== undefined && a.correctResponse?.every((c) => decimal(c) !== undefined) !== false);
  const record: AnswerRecord = numericFits ? a : { ...a, type: "fill-in" };
  const response = formatResponse(record, record.response);
  if (response === undefined) return [];
  const fields: [string, string][] = [
    ["id", cmiIdentifier(record.attempt > 1 ? `${record.questionId}.${record.attempt}` : record.questionId)],
    ["type", record.type],
    ["time", cmiTime(answeredAt)],
  ];
  const pattern = record.correctResponse ? formatResponse(record, record.correctResponse) : undefined;
  if (pattern !== undefined) fields.push(["correct_responses.0.pattern", pattern]);
  if (record.weighting !== undefined) fields.push(["weighting", String(Math.max(0, Math.min(100, record.weighting)))]);
  fields.push(["student_response", response], ["result", record.result], ["latency", cmiTimespan(record.latencyMs)]);
  return fields;
}
