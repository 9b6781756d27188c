import { diagnostics, type Place } from "../diagnostics/codes.js";
import type { JsonSource } from "../load/json-source.js";
import type { Diagnostic } from "../../shared/diagnostic.js";
import type { BlockOf, Criterion, QuizQuestion, Unit, UnitBlock } from "../../shared/unit-types.js";
import { unitEntities } from "../../shared/unit-entities.js";

type At = (pointer: string) => Place;

function checkUnique(items: readonly { id: string }[], base: string, at: At, out: Diagnostic[], seen = new Map<string, string>()) {
  items.forEach((item, i) => {
    const pointer = `${base}/${i}/id`;
    const first = seen.get(item.id);
    if (first) out.push(diagnostics.duplicateId(at(pointer), item.id, first.slice(0, -3)));
    else seen.set(item.id, pointer);
  });
}

function checkQuestion(q: QuizQuestion, pointer: string, at: At, out: Diagnostic[]) {
  if (q.type === "singleChoice" || q.type === "multipleResponse") {
    checkUnique(q.options, `${pointer}/options`, at, out);
    const correct = q.options.filter((o) => o.correct).length;
    if (correct === 0) out.push(diagnostics.noCorrectAnswer(at(`${pointer}/options`)));
    else if (q.type === "singleChoice" && correct > 1) out.push(diagnostics.tooManyCorrect(at(`${pointer}/options`), correct));
  }
  if (q.type === "matching") checkUnique(q.pairs, `${pointer}/pairs`, at, out);
  if (q.type === "sequencing") checkUnique(q.items, `${pointer}/items`, at, out);
  if (q.type === "fillIn") checkUnique(q.accept, `${pointer}/accept`, at, out);
}

function checkScenario(block: BlockOf<"scenario">, pointer: string, at: At, out: Diagnostic[]) {
  checkUnique(block.nodes, `${pointer}/nodes`, at, out);
  const ids = block.nodes.map((n) => n.id);
  if (!ids.includes(block.start)) out.push(diagnostics.danglingReference(at(`${pointer}/start`), "scenario step", block.start, ids));
  const reachable = new Set<string>([block.start]);
  block.nodes.forEach((node, n) => {
    const nodePointer = `${pointer}/nodes/${n}`;
    if (!node.choices?.length && !node.outcome) out.push(diagnostics.scenarioNoEnding(at(nodePointer)));
    checkUnique(node.choices ?? [], `${nodePointer}/choices`, at, out);
    node.choices?.forEach((choice, c) => {
      reachable.add(choice.next);
      if (!ids.includes(choice.next)) out.push(diagnostics.danglingReference(at(`${nodePointer}/choices/${c}/next`), "scenario step", choice.next, ids));
    });
  });
  block.nodes.forEach((node, n) => {
    if (!reachable.has(node.id)) out.push(diagnostics.scenarioUnreachable(at(`${pointer}/nodes/${n}`), node.id));
  });
}

function checkBlock(unit: Unit, block: UnitBlock, pointer: string, at: At, out: Diagnostic[], blockKinds: Map<string, string>) {
  switch (block.kind) {
    case "scenario":
      return checkScenario(block, pointer, at, out);
    case "sorting": {
      checkUnique(block.categories, `${pointer}/categories`, at, out);
      checkUnique(block.items, `${pointer}/items`, at, out);
      const categories = block.categories.map((c) => c.id);
      block.items.forEach((item, i) => {
        if (!categories.includes(item.category)) out.push(diagnostics.danglingReference(at(`${pointer}/items/${i}/category`), "category", item.category, categories));
      });
      return;
    }
    case "matching":
      return checkUnique(block.pairs, `${pointer}/pairs`, at, out);
    case "selfAssessment": {
      checkUnique(block.statements, `${pointer}/statements`, at, out);
      checkUnique(block.bands, `${pointer}/bands`, at, out);
      const values = block.scale.map((s) => s.value);
      if (values.some((v, i) => i > 0 && v <= values[i - 1]!))
        out.push(diagnostics.invalidValue(at(`${pointer}/scale`), "The scale's values must go up one after another, lowest first.", 'e.g. values 1, 2, 3, 4, 5.'));
      block.bands.forEach((band, b) => {
        if (band.min > band.max) out.push(diagnostics.valueOutOfRange(at(`${pointer}/bands/${b}/min`), `This band starts at ${band.min} but ends at ${band.max}.`, '"min" must not be above "max".'));
      });
      return;
    }
    case "selfAssessmentRetake": {
      if (blockKinds.get(block.selfAssessment) !== "selfAssessment")
        out.push(diagnostics.danglingReference(at(`${pointer}/selfAssessment`), "self-assessment", block.selfAssessment, idsOfKind(blockKinds, "selfAssessment")));
      return;
    }
    case "quiz": {
      block.questions.forEach((q, i) => checkQuestion(q, `${pointer}/questions/${i}`, at, out));
      if (block.draw !== undefined && block.draw > block.questions.length)
        out.push(diagnostics.valueOutOfRange(at(`${pointer}/draw`), `"draw" is ${block.draw}, but the bank has only ${block.questions.length} questions.`, `set "draw" to ${block.questions.length} or less, or add questions.`));
      return;
    }
    case "video":
    case "audio": {
      for (const language of unit.languages) {
        if (!block.captions?.[language] && !block.transcript) out.push(diagnostics.mediaWithoutText(at(pointer), language));
      }
      return;
    }
    default:
      return;
  }
}

const idsOfKind = (kinds: Map<string, string>, kind: string) => [...kinds].filter(([, k]) => k === kind).map(([id]) => id);

function checkCriterion(criterion: Criterion, pointer: string, at: At, kinds: Map<string, string>, out: Diagnostic[]) {
  const expect = (field: string, id: string, allowed: string[], what: string) => {
    if (!allowed.includes(kinds.get(id) ?? "")) out.push(diagnostics.danglingReference(at(`${pointer}/${field}`), what, id, allowed.flatMap((k) => idsOfKind(kinds, k))));
  };
  switch (criterion.type) {
    case "scenarioOutcome":
      return expect("scenario", criterion.scenario, ["scenario"], "scenario");
    case "quizPassed":
    case "quizPassedFirstAttempt":
      return expect("quiz", criterion.quiz, ["quiz"], "quiz");
    case "activityPerfect":
      return expect("activity", criterion.activity, ["sorting", "matching"], "sorting or matching activity");
    case "selfAssessmentTwice":
      return expect("selfAssessment", criterion.selfAssessment, ["selfAssessment"], "self-assessment");
    default:
      return;
  }
}

/**
 * Checks what the schema cannot express: unique ids, references that resolve, quizzes that can be
 * answered, scenarios that end, media that deaf learners can follow. Runs on a schema-valid unit.
 */
export function semanticChecks(unit: Unit, source: JsonSource): Diagnostic[] {
  const at: At = (pointer) => ({ file: source.file, pointer, loc: source.locate(pointer) });
  const out: Diagnostic[] = [];
  // Sections, blocks, questions, outcomes, glossary terms, levels and badges share one id space: ids
  // become bookmark keys, interaction ids and translation keys.
  const seen = new Map<string, string>();
  const kinds = new Map<string, string>();
  for (const entity of unitEntities(unit)) {
    const first = seen.get(entity.id);
    if (first) out.push(diagnostics.duplicateId(at(`${entity.pointer}/id`), entity.id, first));
    else seen.set(entity.id, entity.pointer);
    if (entity.kind) kinds.set(entity.id, entity.kind);
  }
  if (!unit.languages.includes(unit.language))
    out.push(diagnostics.invalidValue(at("/languages"), `The source language "${unit.language}" is not listed in "languages".`, `add "${unit.language}" to "languages".`));
  unit.sections.forEach((section, s) =>
    section.blocks.forEach((block, b) => checkBlock(unit, block, `/sections/${s}/blocks/${b}`, at, out, kinds)),
  );
  const levels = unit.gamification?.levels ?? [];
  if (levels.length && (levels[0]!.minPoints !== 0 || levels.some((l, i) => i > 0 && l.minPoints <= levels[i - 1]!.minPoints)))
    out.push(diagnostics.levelsNotAscending(at("/gamification/levels")));
  unit.gamification?.badges.forEach((badge, i) => checkCriterion(badge.criterion, `/gamification/badges/${i}/criterion`, at, kinds, out));
  return out;
}
