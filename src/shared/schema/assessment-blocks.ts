import Type from "typebox";
import { discriminated, Id, Markdown, Points, Text } from "./primitives.js";

const questionId = Id("Unique within the unit; becomes the interaction id the LMS records.");
const localId = Id("Unique within its question.");

const questionBase = {
  id: questionId,
  prompt: Markdown("The question."),
  points: Type.Optional(Points("Points for a right answer (default 1).")),
};

const Choice = Type.Object(
  {
    id: localId,
    text: Text("The option.", 500),
    correct: Type.Boolean({ description: "true for a right option." }),
    feedback: Text("Why this option is right or wrong.", 1000),
  },
  { additionalProperties: false },
);

const verdictFeedback = {
  feedbackCorrect: Text("Shown after a right answer: why it is right.", 1000),
  feedbackWrong: Text("Shown after a wrong answer: what to think about.", 1000),
};

export const SingleChoiceQuestion = Type.Object(
  { type: Type.Literal("singleChoice"), ...questionBase, options: Type.Array(Choice, { minItems: 2, maxItems: 10 }) },
  { additionalProperties: false, description: "One right option." },
);

export const MultipleResponseQuestion = Type.Object(
  { type: Type.Literal("multipleResponse"), ...questionBase, options: Type.Array(Choice, { minItems: 2, maxItems: 10 }) },
  { additionalProperties: false, description: "One or more right options." },
);

export const TrueFalseQuestion = Type.Object(
  { type: Type.Literal("trueFalse"), ...questionBase, answer: Type.Boolean(), ...verdictFeedback },
  { additionalProperties: false, description: "A statement that is true or false." },
);

export const MatchingQuestion = Type.Object(
  {
    type: Type.Literal("matching"),
    ...questionBase,
    pairs: Type.Array(
      Type.Object({ id: localId, left: Text("The prompt.", 300), right: Text("Its match.", 300) }, { additionalProperties: false }),
      { minItems: 2, maxItems: 10 },
    ),
    ...verdictFeedback,
  },
  { additionalProperties: false, description: "Match each prompt with its answer." },
);

export const SequencingQuestion = Type.Object(
  {
    type: Type.Literal("sequencing"),
    ...questionBase,
    items: Type.Array(Type.Object({ id: localId, text: Text("A step.", 300) }, { additionalProperties: false }), {
      minItems: 2,
      maxItems: 10,
      description: "The steps in the right order; the player shuffles them.",
    }),
    ...verdictFeedback,
  },
  { additionalProperties: false, description: "Put the steps in order." },
);

export const FillInQuestion = Type.Object(
  {
    type: Type.Literal("fillIn"),
    ...questionBase,
    accept: Type.Array(Type.Object({ id: localId, text: Text("An accepted answer.", 100) }, { additionalProperties: false }), {
      minItems: 1,
      maxItems: 10,
      description: "Accepted answers; compared ignoring case and extra spaces.",
    }),
    ...verdictFeedback,
  },
  { additionalProperties: false, description: "The learner types a short answer." },
);

export const NumericQuestion = Type.Object(
  {
    type: Type.Literal("numeric"),
    ...questionBase,
    answer: Type.Number({ description: "The right number." }),
    tolerance: Type.Optional(Type.Number({ minimum: 0, description: "How far from the answer still counts as right (default 0)." })),
    ...verdictFeedback,
  },
  { additionalProperties: false, description: "The learner types a number." },
);

export const Question = discriminated(
  "type",
  [SingleChoiceQuestion, MultipleResponseQuestion, TrueFalseQuestion, MatchingQuestion, SequencingQuestion, FillInQuestion, NumericQuestion],
  "A quiz question: singleChoice, multipleResponse, trueFalse, matching, sequencing, fillIn or numeric.",
);

export const QuizBlock = Type.Object(
  {
    kind: Type.Literal("quiz"),
    id: Id("Unique within the unit."),
    title: Text("The quiz's title.", 200),
    intro: Type.Optional(Markdown("What the quiz checks and how it works.")),
    passMark: Type.Number({ minimum: 0, maximum: 100, description: "The percentage needed to pass, 0 to 100." }),
    draw: Type.Optional(Type.Integer({ minimum: 1, description: "How many questions to draw from the bank for each attempt (default: all)." })),
    shuffle: Type.Optional(Type.Boolean({ description: "Shuffle questions and options (default true)." })),
    attempts: Type.Optional(Type.Integer({ minimum: 0, maximum: 20, description: "How many attempts; 0 means no limit (default 0)." })),
    questions: Type.Array(Question, { minItems: 1, maxItems: 500 }),
  },
  { additionalProperties: false, description: "A knowledge quiz with a pass mark." },
);

export const SelfAssessmentBlock = Type.Object(
  {
    kind: Type.Literal("selfAssessment"),
    id: Id("Unique within the unit."),
    title: Text("The self-assessment's title.", 200),
    instructions: Text("How to answer, e.g. 'How true is each sentence for you?'", 1000),
    scale: Type.Array(
      Type.Object(
        { value: Type.Integer({ minimum: 0, maximum: 9 }), label: Text("The scale point's label, e.g. 'Rarely'.", 60) },
        { additionalProperties: false },
      ),
      { minItems: 3, maxItems: 7, description: "The Likert scale, lowest value first." },
    ),
    statements: Type.Array(
      Type.Object({ id: Id("Unique within the self-assessment."), text: Text("A statement about the learner.", 300) }, { additionalProperties: false }),
      { minItems: 1, maxItems: 40 },
    ),
    bands: Type.Array(
      Type.Object(
        {
          id: Id("Unique within the self-assessment."),
          min: Type.Number({ description: "Lowest average score in this band." }),
          max: Type.Number({ description: "Highest average score in this band." }),
          label: Text("The band's name.", 100),
          feedback: Markdown("What the learner does well and what to practise next."),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 6, description: "Score bands by average score, covering the whole scale." },
    ),
  },
  { additionalProperties: false, description: "A Likert self-assessment taken before and after the unit." },
);
