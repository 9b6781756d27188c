/** What the player keeps of a learner's progress: everything needed to resume exactly where they were. */
export interface ResumeState {
  /** The page the learner is on (a section id). */
  page: string;
  /** Pages opened at least once, by section id. */
  visited: string[];
}

/** One answered question, as the player knows it; each adapter turns it into its standard's format. */
export interface AnswerRecord {
  questionId: string;
  type: "true-false" | "choice" | "fill-in" | "matching" | "sequencing" | "likert" | "numeric" | "performance";
  response: string[];
  correctResponse?: string[];
  result: "correct" | "wrong" | "neutral";
  /** Milliseconds from showing the question to answering it. */
  latencyMs: number;
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
