import Type from "typebox";
import { AudioBlock, CalloutBlock, ImageBlock, ReflectionBlock, TextBlock, VideoBlock } from "./content-blocks.js";
import { MatchingBlock, ScenarioBlock, SortingBlock } from "./activity-blocks.js";
import { QuizBlock, SelfAssessmentBlock } from "./assessment-blocks.js";
import { Gamification } from "./gamification.js";
import { discriminated, Id, LanguageCode, Markdown, Text } from "./primitives.js";

export const UNIT_SCHEMA_ID = "https://skillpack.dev/schema/unit-1.schema.json";

export const SelfAssessmentRetakeBlock = Type.Object(
  {
    kind: Type.Literal("selfAssessmentRetake"),
    id: Id("Unique within the unit."),
    selfAssessment: Id("The id of the self-assessment block to take again; shows the before/after profile."),
  },
  { additionalProperties: false, description: "The same self-assessment again, at the end of the unit." },
);

export const Block = discriminated(
  "kind",
  [
    TextBlock,
    ImageBlock,
    VideoBlock,
    AudioBlock,
    CalloutBlock,
    ReflectionBlock,
    ScenarioBlock,
    SortingBlock,
    MatchingBlock,
    SelfAssessmentBlock,
    SelfAssessmentRetakeBlock,
    QuizBlock,
  ],
  "A block of a section: text, image, video, audio, callout, reflection, scenario, sorting, matching, selfAssessment, selfAssessmentRetake or quiz.",
);

export const Section = Type.Object(
  {
    id: Id("Unique within the unit; part of the page's address and the learner's bookmark."),
    title: Text("The section's title, shown in the menu.", 200),
    minutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 2400, description: "Estimated study time for this section, in minutes." })),
    blocks: Type.Array(Block, { minItems: 1, maxItems: 100 }),
  },
  { additionalProperties: false, description: "A page of the unit." },
);

export const UnitSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String({ description: "The path or URL of this schema, for editors." })),
    id: Id("The unit's id: lowercase letters, digits and hyphens. Names the output files."),
    version: Type.String({ pattern: "^\\d+\\.\\d+\\.\\d+$", description: "The unit's version, e.g. 1.0.0." }),
    language: LanguageCode,
    languages: Type.Array(LanguageCode, {
      minItems: 1,
      maxItems: 20,
      uniqueItems: true,
      description: "Every language the unit is complete in; each other than `language` needs i18n/<lang>.json.",
    }),
    title: Text("The unit's title.", 200),
    description: Markdown("What the unit is about and for whom."),
    hours: Type.Number({ exclusiveMinimum: 0, maximum: 400, description: "Estimated study time in academic hours (45 minutes each)." }),
    outcomes: Type.Array(
      Type.Object({ id: Id("Unique within the unit."), text: Text("What the learner can do after the unit.", 500) }, { additionalProperties: false }),
      { minItems: 1, maxItems: 12, description: "Learning outcomes." },
    ),
    glossary: Type.Optional(
      Type.Array(
        Type.Object(
          { id: Id("Unique within the unit."), term: Text("The term.", 100), definition: Text("A plain explanation.", 1000) },
          { additionalProperties: false },
        ),
        { maxItems: 200 },
      ),
    ),
    sections: Type.Array(Section, { minItems: 1, maxItems: 200 }),
    gamification: Type.Optional(Gamification),
  },
  {
    $id: UNIT_SCHEMA_ID,
    title: "skillpack unit",
    description: "A soft-skill e-learning unit that skillpack builds into SCORM 1.2, xAPI and cmi5 packages.",
    additionalProperties: false,
  },
);

/** The JSON Schema document published for editors and used by the validator. */
export const unitJsonSchema = { $schema: "https://json-schema.org/draft/2020-12/schema", ...UnitSchema } as const;
