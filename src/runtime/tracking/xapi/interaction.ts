import type { InteractionActivityDefinition, InteractionComponent, LanguageMap, Result } from "@xapi/xapi";
import type { AnswerRecord } from "../../../shared/tracking-types.js";
import { isoDuration } from "./iso-duration.js";
import { ACTIVITY_TYPES } from "./vocabulary.js";

/** The words on screen for one question, where the page has them: prompt, and each option (pair side) by id. */
export interface InteractionTexts {
  name?: string;
  /** choice and sequencing options, likert scale points, matching sources: by id. */
  components?: Record<string, string>;
  /** matching answers (the right-hand side), by pair id. */
  targets?: Record<string, string>;
}

export interface InteractionExtras {
  /** numeric: the tolerance either side of the answer. */
  tolerance?: number;
}

// the response syntax of xAPI 1.0.3 cmi.interaction (§4.1.4.1 and its correct-responses patterns).
const LIST = "[,]";
const PAIR = "[.]";
const RANGE = "[:]";

const map = (language: string, text: string | undefined): LanguageMap | undefined => (text ? { [language]: text } : undefined);
const components = (ids: readonly string[], language: string, texts?: Record<string, string>): InteractionComponent[] =>
  ids.map((id) => {
    const description = map(language, texts?.[id]);
    return description ? { id, description } : { id };
  });

/** A response in the interaction's own syntax, or undefined when nothing was answered. */
export function xapiResponse(answer: Pick<AnswerRecord, "type" | "options">, values: readonly string[]): string | undefined {
  switch (answer.type) {
    case "true-false":
      return values[0] === "true" || values[0] === "false" ? values[0] : undefined;
    case "matching": {
      const options = answer.options ?? [];
      const pairs = options.map((source, i) => (values[i] ? `${source}${PAIR}${values[i]}` : "")).filter(Boolean);
      return pairs.length ? pairs.join(LIST) : undefined;
    }
    case "choice":
    case "sequencing":
      return values.length ? values.join(LIST) : undefined;
    default:
      return values[0] === undefined ? undefined : values.join(" ");
  }
}

function correctPattern(answer: AnswerRecord, extras: InteractionExtras): string[] | undefined {
  const correct = answer.correctResponse;
  if (!correct?.length) return undefined;
  switch (answer.type) {
    case "fill-in":
      // The player forgives case; the pattern says so, so an LRS judging it agrees with us.
      return [`{case_matters=false}${correct[0]}`];
    case "numeric": {
      const value = Number(correct[0]);
      const tolerance = extras.tolerance ?? 0;
      return [Number.isFinite(value) && tolerance > 0 ? `${value - tolerance}${RANGE}${value + tolerance}` : String(correct[0])];
    }
    case "matching":
      return [correct.map((pair) => `${pair}${PAIR}${pair}`).join(LIST)];
    default: {
      const pattern = xapiResponse(answer, correct);
      return pattern === undefined ? undefined : [pattern];
    }
  }
}

/** The activity definition of one question: interactionType, the correct pattern and the components its type needs. */
export function interactionDefinition(answer: AnswerRecord, language: string, texts: InteractionTexts = {}, extras: InteractionExtras = {}): InteractionActivityDefinition {
  const options = answer.options ?? [];
  const name = map(language, texts.name);
  const pattern = correctPattern(answer, extras);
  const base = { type: ACTIVITY_TYPES.interaction, ...(name ? { name } : {}), ...(pattern ? { correctResponsesPattern: pattern } : {}) } as const;
  switch (answer.type) {
    case "choice":
    case "sequencing":
      return { ...base, interactionType: answer.type, choices: components(options, language, texts.components) } as InteractionActivityDefinition;
    case "matching":
      return {
        ...base,
        interactionType: "matching",
        source: components(options, language, texts.components),
        target: components(options, language, texts.targets),
      } as InteractionActivityDefinition;
    case "likert":
      return { ...base, interactionType: "likert", scale: components(options, language, texts.components) } as InteractionActivityDefinition;
    default:
      return { ...base, interactionType: answer.type } as InteractionActivityDefinition;
  }
}

/** The result of one answer: the response, success when the question has a right answer, and the time it took. */
export function interactionResult(answer: AnswerRecord): Result | undefined {
  const response = xapiResponse(answer, answer.response);
  if (response === undefined) return undefined;
  return {
    response,
    ...(answer.result === "neutral" ? {} : { success: answer.result === "correct" }),
    duration: isoDuration(answer.latencyMs),
  };
}
