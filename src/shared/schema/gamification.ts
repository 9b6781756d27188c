import Type from "typebox";
import { AssetPath, discriminated, Id, Points, Text } from "./primitives.js";
import { Outcome } from "./activity-blocks.js";

const ref = (what: string) => Id(`The id of the ${what}.`);

const criterion = <const K extends string, P extends Record<string, ReturnType<typeof Id> | typeof Outcome | ReturnType<typeof Points>>>(
  type: K,
  props: P,
  description: string,
) => Type.Object({ type: Type.Literal(type), ...props }, { additionalProperties: false, description });

export const BadgeCriterion = discriminated(
  "type",
  [
    criterion("scenarioOutcome", { scenario: ref("scenario block"), outcome: Outcome }, "Reach an ending of this outcome in the scenario."),
    criterion("quizPassedFirstAttempt", { quiz: ref("quiz block") }, "Pass the quiz on the first attempt."),
    criterion("quizPassed", { quiz: ref("quiz block") }, "Pass the quiz."),
    criterion("activityPerfect", { activity: ref("sorting or matching block") }, "Finish the activity with every answer right."),
    criterion("allReflections", {}, "Write an answer to every reflection prompt in the unit."),
    criterion("selfAssessmentTwice", { selfAssessment: ref("self-assessment block") }, "Take the self-assessment before and after."),
    criterion("pointsAtLeast", { points: Points("The points needed.") }, "Collect at least this many points."),
  ],
  "What the learner must do to earn the badge.",
);

export const Gamification = Type.Object(
  {
    pointsPerPage: Type.Optional(Points("Points for reading a page of material (default 0).")),
    pointsPerReflection: Type.Optional(Points("Points for answering a reflection prompt (default 0).")),
    levels: Type.Array(
      Type.Object(
        { id: Id("Unique within the unit."), name: Text("The level's name, e.g. 'Explorer'.", 60), minPoints: Points("Points needed to reach it.") },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 10, description: "Levels from the lowest up; the first starts at 0 points." },
    ),
    badges: Type.Array(
      Type.Object(
        {
          id: Id("Unique within the unit."),
          name: Text("The badge's name: a real achievement.", 80),
          description: Text("What the learner did to earn it.", 300),
          icon: Type.Optional(AssetPath("An SVG or PNG icon inside the unit folder.")),
          criterion: BadgeCriterion,
        },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
  },
  { additionalProperties: false, description: "Points, levels and badges." },
);
