// What the xAPI and cmi5 browser tests share.

/** The full fixture played start to end, every answer right (completeUnit): the statements, in order. */
export const FULL_JOURNEY = [
  "initialized",
  ...["experienced", "progressed", "earned"], // Learn; the reflection earns "Writer"
  ...["experienced", "progressed", "answered", "answered", "scored", "earned", "reached", "earned"], // Practise: self-assessment, scenario ("Calm voice", level "Listener"), sorting ("Sorter")
  ...["experienced", "progressed", ...Array<string>(7).fill("answered"), "earned", "earned", "earned", "completed", "passed"], // Check: the quiz ("First try", "Passed", "Collector")
  ...["answered", "answered", "scored", "earned"], // the self-assessment again ("Growth")
  "terminated",
];

