import Type from "typebox";
import { Id, Markdown, Points, Text } from "./primitives.js";

const blockId = Id("Unique within the unit.");
const localId = (what: string) => Id(`Unique within its ${what}.`);

export const Outcome = Type.Union([Type.Literal("best"), Type.Literal("good"), Type.Literal("poor")], {
  description: "How well a scenario ending went: best, good or poor.",
});

const ScenarioChoice = Type.Object(
  {
    id: localId("scenario node"),
    text: Text("What the learner says or does.", 500),
    feedback: Text("What happens and why: the consequence the learner feels.", 2000),
    next: Id("The id of the node this choice leads to."),
    points: Type.Optional(Points("Points for taking this choice.")),
  },
  { additionalProperties: false },
);

const ScenarioNode = Type.Object(
  {
    id: localId("scenario"),
    speaker: Type.Optional(Text("Who speaks in this step, e.g. the shift supervisor.", 100)),
    text: Text("What happens or is said in this step.", 2000),
    choices: Type.Optional(Type.Array(ScenarioChoice, { minItems: 2, maxItems: 4, description: "Two to four choices. Leave out on an ending." })),
    outcome: Type.Optional(Outcome),
  },
  { additionalProperties: false, description: "A step of the dialogue: with choices, or an ending with an outcome." },
);

export const ScenarioBlock = Type.Object(
  {
    kind: Type.Literal("scenario"),
    id: blockId,
    title: Text("The scenario's title.", 200),
    intro: Type.Optional(Markdown("The situation, told before the first step.")),
    start: Id("The id of the first node."),
    nodes: Type.Array(ScenarioNode, { minItems: 2, maxItems: 40 }),
  },
  { additionalProperties: false, description: "A branching scenario: a dialogue with choices and consequences." },
);

export const SortingBlock = Type.Object(
  {
    kind: Type.Literal("sorting"),
    id: blockId,
    title: Text("The activity's title.", 200),
    instructions: Text("What the learner does, in one or two sentences.", 1000),
    categories: Type.Array(
      Type.Object({ id: localId("activity"), label: Text("The category's name.", 100) }, { additionalProperties: false }),
      { minItems: 2, maxItems: 6 },
    ),
    items: Type.Array(
      Type.Object(
        {
          id: localId("activity"),
          text: Text("The card to sort.", 300),
          category: Id("The id of the category it belongs in."),
          feedback: Type.Optional(Text("Why it belongs there.", 1000)),
        },
        { additionalProperties: false },
      ),
      { minItems: 2, maxItems: 30 },
    ),
    points: Type.Optional(Points("Points for each card sorted right (default 1).")),
  },
  { additionalProperties: false, description: "Sort cards into categories, e.g. an urgent/important matrix." },
);

export const MatchingBlock = Type.Object(
  {
    kind: Type.Literal("matching"),
    id: blockId,
    title: Text("The activity's title.", 200),
    instructions: Text("What the learner does.", 1000),
    pairs: Type.Array(
      Type.Object(
        { id: localId("activity"), left: Text("The prompt card.", 300), right: Text("Its match.", 300) },
        { additionalProperties: false },
      ),
      { minItems: 2, maxItems: 12 },
    ),
    points: Type.Optional(Points("Points for each pair matched right (default 1).")),
  },
  { additionalProperties: false, description: "A card activity: match each card with its pair." },
);
