import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { diagnostics as codes } from "../diagnostics/codes.js";
import { displayPath } from "../load/display-path.js";
import { parseJsonSource, type JsonSource } from "../load/json-source.js";
import { UNIT_FILE } from "../load/load-unit.js";
import { createUnitAjv } from "../validate/create-ajv.js";
import { schemaDiagnostics } from "../validate/schema-diagnostics.js";
import { courseJsonSchema, type Course } from "../../shared/schema/course-schema.js";
import type { Diagnostic } from "../../shared/diagnostic.js";

export const COURSE_FILE = "course.json";

export interface LoadedCourse {
  course: Course;
  source: JsonSource;
  /** The unit folders, in the course's order. */
  unitFolders: string[];
}

/**
 * Reads units/course.json, if there is one: the schema, every listed unit folder present, and a title and
 * description in every course language. Whether each unit is complete in those languages is checked when
 * the units themselves are checked.
 */
export async function loadCourse(unitsDir: string, cwd: string): Promise<{ course?: LoadedCourse; diagnostics: Diagnostic[] } | undefined> {
  const path = join(unitsDir, COURSE_FILE);
  const text = await readFile(path, "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  const parsed = parseJsonSource(displayPath(path, cwd), text);
  if (!parsed.source) return { diagnostics: parsed.diagnostics };
  const source = parsed.source;
  const validate = createUnitAjv().compile(courseJsonSchema);
  if (!validate(source.value)) return { diagnostics: [...parsed.diagnostics, ...schemaDiagnostics(validate.errors ?? [], source)] };
  const course = source.value as Course;
  const at = (pointer: string) => ({ file: source.file, pointer, loc: source.locate(pointer) });
  const found: Diagnostic[] = [...parsed.diagnostics];
  const unitFolders = course.units.map((id) => join(unitsDir, id));
  await Promise.all(
    course.units.map(async (id, i) => {
      if (!(await stat(join(unitsDir, id, UNIT_FILE)).catch(() => undefined))?.isFile())
        found.push(codes.danglingReference(at(`/units/${i}`), "unit folder", id, []));
    }),
  );
  for (const language of course.languages)
    for (const field of ["title", "description"] as const)
      if (!course[field][language]) found.push(codes.missingCourseText(at(`/${field}`), field, language));
  return { course: { course, source, unitFolders }, diagnostics: found };
}
