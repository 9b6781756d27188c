// Every type here is derived from the JSON Schema in ./schema: the schema is the one source of truth.
import type Type from "typebox";
import type { Block, Section, UnitSchema } from "./schema/unit-schema.js";
import type { Question, QuizBlock, SelfAssessmentBlock } from "./schema/assessment-blocks.js";
import type { BadgeCriterion, Gamification } from "./schema/gamification.js";

export type Unit = Type.Static<typeof UnitSchema>;
export type UnitSection = Type.Static<typeof Section>;
export type UnitBlock = Type.Static<typeof Block>;
export type BlockKind = UnitBlock["kind"];
export type BlockOf<K extends BlockKind> = Extract<UnitBlock, { kind: K }>;
export type QuizQuestion = Type.Static<typeof Question>;
export type QuestionType = QuizQuestion["type"];
export type Quiz = Type.Static<typeof QuizBlock>;
export type SelfAssessment = Type.Static<typeof SelfAssessmentBlock>;
export type UnitGamification = Type.Static<typeof Gamification>;
export type Criterion = Type.Static<typeof BadgeCriterion>;
