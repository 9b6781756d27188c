import Type from "typebox";
import { Id, LanguageCode } from "./primitives.js";

export const COURSE_SCHEMA_ID = "https://skillpack.dev/schema/course-1.schema.json";

const Localized = (description: string, maxLength: number) =>
  Type.Record(Type.String({ pattern: "^[a-z]{2,3}(-[A-Z]{2})?$" }), Type.String({ minLength: 1, maxLength }), {
    additionalProperties: false,
    description: `${description} One entry per language: { "en": "…", "lt": "…", "pl": "…" }.`,
  });

/** A course: units put together as one package with one SCO (SCORM 1.2) or AU (cmi5) per unit. */
export const CourseSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String({ description: "The path or URL of this schema, for editors." })),
    id: Id("The course's id: lowercase letters, digits and hyphens. Names the output files."),
    version: Type.String({ pattern: "^\\d+\\.\\d+\\.\\d+$", description: "The course's version, e.g. 1.0.0." }),
    languages: Type.Array(LanguageCode, { minItems: 1, maxItems: 20, uniqueItems: true, description: "The languages to build the course in; every unit must be complete in each." }),
    title: Localized("The course's title.", 200),
    description: Localized("What the course is about and for whom.", 2000),
    units: Type.Array(Id("A unit folder's name under units/."), { minItems: 1, maxItems: 50, uniqueItems: true, description: "The units in learning order." }),
  },
  { $id: COURSE_SCHEMA_ID, title: "skillpack course", additionalProperties: false },
);

export const courseJsonSchema = { $schema: "https://json-schema.org/draft/2020-12/schema", ...CourseSchema } as const;
export type Course = Type.Static<typeof CourseSchema>;
