/** How a scenario ending went; the same words as the unit's `outcome`. */
export type ScenarioOutcome = "best" | "good" | "poor";

/** A Likert form in progress or done: one scale value per statement (null: not answered yet). */
export interface LikertAnswers {
  values: (number | null)[];
  /** true once the learner asked for their profile: the answers count as taken. */
  done: boolean;
}

export interface ScenarioProgress {
  /** Choice ids taken from the start node, in order; the current node is where they lead. */
  path: string[];
  /** Every ending outcome reached so far, in any run. */
  outcomes: ScenarioOutcome[];
  /** The most points collected in one run. */
  bestPoints: number;
}

export interface PlacementProgress {
  /** Card (or pair) id → the category (or pair) id the learner put it with. */
  placed: Record<string, string>;
  /** Cards right at the best check; undefined until the first check. */
  bestRight?: number;
}

export interface QuizAttempt {
  /** Picks the questions and their order for this attempt (see shared/state/quiz-draw.ts). */
  seed: number;
  /**
   * Answers by question id: option ids (choice), ["true"|"false"], the chosen pair id per pair in
   * authored order ("" when none; matching), item ids in the learner's order (sequencing), [text].
   */
  answers: Record<string, string[]>;
  submitted: boolean;
}

export interface QuizProgress {
  /** Attempts submitted. */
  attempts: number;
  /** Best score so far, 0–100 with at most 2 decimals; undefined before the first submit. */
  bestScore?: number;
  /** Points earned in the best attempt. */
  bestPoints: number;
  /** The attempt on screen: in progress, or submitted (its results shown). */
  current?: QuizAttempt;
}

/**
 * What the player keeps of a learner's progress: everything needed to resume exactly where they were.
 * Keyed by the unit's ids only, never by text, so it survives a change of language. Points and the level
 * are not stored: they follow from this state (see runtime/game), so a resume can never disagree.
 */
export interface ResumeState {
  /** The page the learner is on (a section id, or the notebook page). */
  page: string;
  /** Pages opened at least once, by section id. */
  visited: string[];
  /** The language last chosen, when the package has several. */
  language?: string;
  /** Badges earned; once earned, kept. */
  badges: string[];
  /** Notebook: reflection block id → the learner's text. */
  reflections: Record<string, string>;
  selfAssessments: Record<string, { before?: LikertAnswers; after?: LikertAnswers }>;
  scenarios: Record<string, ScenarioProgress>;
  sortings: Record<string, PlacementProgress>;
  matchings: Record<string, PlacementProgress>;
  quizzes: Record<string, QuizProgress>;
}

export const emptyResumeState = (page: string): ResumeState => ({
  page,
  visited: [],
  badges: [],
  reflections: {},
  selfAssessments: {},
  scenarios: {},
  sortings: {},
  matchings: {},
  quizzes: {},
});

export type InteractionType = "true-false" | "choice" | "fill-in" | "matching" | "sequencing" | "likert" | "numeric" | "performance";

/**
 * One answered question, as the player knows it: ids, never positions or texts. Each adapter turns it
 * into its standard's format (SCORM 1.2: single-character choices; xAPI: the same ids).
 */
export interface AnswerRecord {
  /** Language-independent: a question id, or "<self-assessment>.<statement>.<before|after>". */
  questionId: string;
  /** 1 for the first attempt; a standard that wants unique ids per attempt adds it. */
  attempt: number;
  type: InteractionType;
  /**
   * choice: the chosen option ids; sequencing: item ids in the learner's order; matching: per pair in
   * `options` order the chosen pair id ("" for none); true-false: "true"/"false"; likert: the scale
   * value; fill-in, numeric: the text typed.
   */
  response: string[];
  /** Same shape as response. */
  correctResponse?: string[];
  /** choice/sequencing/matching: every option (item, pair) id in authored order; likert: the scale values. */
  options?: string[];
  result: "correct" | "wrong" | "neutral";
  /** Milliseconds from showing the question to answering it. */
  latencyMs: number;
  /** The question's points. */
  weighting?: number;
}

/** The unit's outcome: completion always, success and a 0–100 score when the unit has a quiz. */
export interface UnitResult {
  completed: boolean;
  passed?: boolean;
  /** 0–100; 0 is a real score. */
  score?: number;
}

export type TrackingStandard = "scorm12" | "xapi" | "cmi5" | "standalone";
