import { readFile } from "node:fs/promises";
import { join } from "node:path";
import Handlebars from "handlebars";
import { packageRoot } from "../../package-root.js";
import type { Unit } from "../../../shared/unit-types.js";
import type { FileMap } from "../file-map.js";
import { passMark, plainText, unitActivityId } from "../manifest-text.js";
import type { PackageFormat, PackageInput } from "../package-format.js";

/** cmi5 §13.1.4: moveOn — a unit with a quiz is done when the learner has read it and passed. */
export const moveOn = (unit: Unit) => (passMark(unit) === undefined ? "Completed" : "CompletedAndPassed");

/** cmi5 masteryScore is scaled 0–1 (C5-PKG-5), unlike SCORM's 0–100. */
export const scaledMastery = (unit: Unit) => {
  const mark = passMark(unit);
  return mark === undefined ? undefined : Math.round(mark * 100) / 10000;
};

/** cmi5 courses: cmi5.xml at the root, one AU per unit (C5-PKG-1..6). */
export function createCmi5Format(activityBase: string): PackageFormat {
  let template: Handlebars.TemplateDelegate | undefined;
  return {
    id: "cmi5",
    connectSrc: "*",
    async packageFiles(input: PackageInput): Promise<FileMap> {
      template ??= Handlebars.create().compile(await readFile(join(packageRoot(), "templates", "cmi5", "cmi5.xml.hbs"), "utf8"), { strict: true });
      const { unit, language } = input;
      const auId = unitActivityId(activityBase, unit);
      const description = plainText(unit.description);
      const xml = template({
        language,
        courseId: `${auId}/course`,
        title: unit.title,
        description,
        aus: [{ id: auId, title: unit.title, description, url: "index.html", moveOn: moveOn(unit), masteryScore: scaledMastery(unit) ?? false }],
      });
      return new Map([...input.files, ["cmi5.xml", xml]]);
    },
  };
}
