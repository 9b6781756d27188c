import { readFile } from "node:fs/promises";
import { join } from "node:path";
import Handlebars from "handlebars";
import { packageRoot } from "../../package-root.js";
import type { FileMap } from "../file-map.js";
import { plainText, unitActivityId } from "../manifest-text.js";
import type { PackageFormat, PackageInput } from "../package-format.js";

/** SCORM-style question type → xAPI interactionType (xAPI 1.0.3 §4.1.4.1). */
const INTERACTION_TYPES: Record<string, string> = {
  singleChoice: "choice", multipleResponse: "choice", trueFalse: "true-false", matching: "matching",
  sequencing: "sequencing", fillIn: "fill-in", numeric: "numeric",
};

/**
 * Tin Can packages: tincan.xml at the root names the unit as the one launchable activity (TC-PKG-1..6).
 * Nothing about the LRS is baked in: the LMS appends endpoint, auth, actor and registration at launch.
 */
export function createXapiFormat(activityBase: string): PackageFormat {
  let template: Handlebars.TemplateDelegate | undefined;
  return {
    id: "xapi",
    connectSrc: "*",
    async packageFiles(input: PackageInput): Promise<FileMap> {
      template ??= Handlebars.create().compile(await readFile(join(packageRoot(), "templates", "xapi", "tincan.xml.hbs"), "utf8"), { strict: true });
      const { unit, language } = input;
      const activityId = unitActivityId(activityBase, unit);
      const questions = unit.sections
        .flatMap((s) => s.blocks)
        .flatMap((b) => (b.kind === "quiz" ? b.questions : []))
        .map((q) => ({ id: `${activityId}/questions/${q.id}`, name: plainText(q.prompt, 200), interactionType: INTERACTION_TYPES[q.type] }));
      const xml = template({ unit, language, activityId, description: plainText(unit.description), questions });
      return new Map([...input.files, ["tincan.xml", xml]]);
    },
  };
}
