import type { Activity, Result } from "@xapi/xapi";
import type { BlockRulesOf, PlayerData, QuestionRules } from "../../../shared/player-data.js";
import type { AnswerRecord } from "../../../shared/tracking-types.js";
import { interactionDefinition, interactionResult } from "./interaction.js";
import type { JourneyEvent } from "./journey-events.js";
import { likertTexts, questionTexts } from "./question-texts.js";
import {
  ACTIVITY_TYPES,
  OPEN_BADGES_CLASS_EXTENSION,
  OPEN_BADGES_RECIPE,
  PROGRESS_EXTENSION,
  SELF_ASSESSMENT_PHASE_EXTENSION,
  type VerbName,
} from "./vocabulary.js";

/** One statement before the tracker adds actor, id, timestamp and context. Without an object, the unit is the object. */
export interface StatementParts {
  verb: VerbName;
  object?: Activity;
  result?: Result;
  /** The statement's parent activity; true: the unit. */
  parent?: true | Activity;
  category?: Activity[];
  extensions?: Record<string, unknown>;
}

/** Where a statement is made: the IRI base, the language on screen, its rules and its page. */
export interface StatementScope {
  base: string;
  language: string;
  data: PlayerData;
  doc: Document;
}

export const POINTS_EXTENSION = "https://skillpack.dev/xapi/extensions/points";

const clean = (text: string | null | undefined) => text?.replace(/\s+/g, " ").trim() || undefined;
const iri = (base: string, kind: string, ...ids: string[]) => `${base.replace(/\/+$/, "")}/${kind}/${ids.map(encodeURIComponent).join("/")}`;
const activity = (id: string, type: string, language: string, name?: string, description?: string, extensions?: Record<string, unknown>): Activity => ({
  objectType: "Activity",
  id,
  definition: {
    type,
    ...(name ? { name: { [language]: name } } : {}),
    ...(description ? { description: { [language]: description } } : {}),
    ...(extensions ? { extensions } : {}),
  },
});

function selfAssessmentActivity(scope: StatementScope, block: string): Activity {
  const title = clean(scope.doc.querySelector(`[id="${block.replace(/["\\]/g, "\\$&")}"] h3`)?.textContent);
  return activity(iri(scope.base, "self-assessments", block), ACTIVITY_TYPES.assessment, scope.language, title);
}

/** The statement for something a save revealed: a page, progress, a badge, a level, a self-assessment taken. */
export function journeyStatementParts(event: JourneyEvent, scope: StatementScope): StatementParts | undefined {
  const { base, language, data } = scope;
  switch (event.kind) {
    case "page": {
      const page = data.pages.find((p) => p.id === event.page);
      return { verb: "experienced", object: activity(iri(base, "pages", event.page), ACTIVITY_TYPES.page, language, page?.title), parent: true };
    }
    case "progress":
      // cmi5 §9.5.5.1: an integer percentage.
      return { verb: "progressed", result: { extensions: { [PROGRESS_EXTENSION]: event.percent } } };
    case "badge": {
      const badge = data.gamification.badges.find((b) => b.id === event.badge);
      const id = iri(base, "badges", event.badge);
      const image = badge?.icon ? new URL(badge.icon, scope.doc.baseURI).href : undefined;
      // Open Badges xAPI vocabulary: verb "earned", object type badge, the recipe category and the badge class.
      return {
        verb: "earned",
        object: activity(id, ACTIVITY_TYPES.badge, language, badge?.name, badge?.description, { [OPEN_BADGES_CLASS_EXTENSION]: { "@id": id, ...(image ? { image } : {}) } }),
        parent: true,
        category: [{ ...OPEN_BADGES_RECIPE }],
      };
    }
    case "level": {
      const level = data.gamification.levels.find((l) => l.id === event.level);
      return {
        verb: "reached",
        object: activity(iri(base, "levels", event.level), ACTIVITY_TYPES.level, language, level?.name),
        result: { extensions: { [POINTS_EXTENSION]: event.points } },
        parent: true,
      };
    }
    case "selfAssessment": {
      const rules = data.blocks.find((b): b is BlockRulesOf<"selfAssessment"> => b.kind === "selfAssessment" && b.id === event.block);
      if (!rules || !event.values.length) return undefined;
      const values = rules.scale.map((s) => s.value);
      const [min, max] = [Math.min(...values), Math.max(...values)];
      const average = Math.round((event.values.reduce((a, b) => a + b, 0) / event.values.length) * 100) / 100;
      const band = rules.bands.find((b) => average >= b.min && average <= b.max);
      return {
        verb: "scored",
        object: selfAssessmentActivity(scope, event.block),
        result: {
          score: { scaled: max > min ? Math.round(((average - min) / (max - min)) * 10000) / 10000 : 1, raw: average, min, max },
          ...(band ? { response: band.id } : {}),
          extensions: { [SELF_ASSESSMENT_PHASE_EXTENSION]: event.phase },
        },
        parent: true,
      };
    }
  }
}

const questionOf = (data: PlayerData, id: string): QuestionRules | undefined =>
  data.blocks.flatMap((b) => (b.kind === "quiz" ? b.questions : [])).find((q) => q.id === id);

/** One `answered` statement: the question as a cmi.interaction activity and the learner's response. */
export function answerStatementParts(answer: AnswerRecord, scope: StatementScope): StatementParts | undefined {
  const result = interactionResult(answer);
  if (!result) return undefined;
  const { base, language, data, doc } = scope;
  if (answer.type === "likert") {
    // "<self-assessment>.<statement>.<before|after>", ids possibly holding dots themselves.
    const rest = answer.questionId.slice(0, answer.questionId.lastIndexOf("."));
    const block = data.blocks.find((b): b is BlockRulesOf<"selfAssessment"> => b.kind === "selfAssessment" && rest.startsWith(`${b.id}.`));
    if (!block) return undefined;
    const statement = rest.slice(block.id.length + 1);
    const definition = interactionDefinition(answer, language, likertTexts(doc, block.id, statement, block.scale));
    return {
      verb: "answered",
      object: { objectType: "Activity", id: iri(base, "self-assessments", block.id, statement), definition },
      result: { ...result, extensions: { [SELF_ASSESSMENT_PHASE_EXTENSION]: answer.questionId.slice(answer.questionId.lastIndexOf(".") + 1) } },
      parent: selfAssessmentActivity(scope, block.id),
    };
  }
  const rules = questionOf(data, answer.questionId);
  const texts = questionTexts(doc, answer.questionId, answer.options ?? []);
  const definition = interactionDefinition(answer, language, texts, rules?.type === "numeric" ? { tolerance: rules.tolerance } : {});
  // The same IRI tincan.xml declares for the question.
  return { verb: "answered", object: { objectType: "Activity", id: iri(base, "questions", answer.questionId), definition }, result, parent: true };
}
