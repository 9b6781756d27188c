import { readFile } from "node:fs/promises";
import { join } from "node:path";
import Handlebars from "handlebars";
import { packageRoot } from "../../package-root.js";
import type { Unit } from "../../../shared/unit-types.js";
import type { FileMap } from "../file-map.js";
import { passMark, plainText, unitActivityId } from "../manifest-text.js";
import type { CourseInput, PackageFormat, PackageInput } from "../package-format.js";

/** cmi5 §13.1.4: moveOn — a unit with a quiz is done when the learner has read it and passed. */
export const moveOn = (unit: Unit) => (passMark(unit) === undefined ? "Completed" : "CompletedAndPassed");

/** cmi5 masteryScore is scaled 0–1 (C5-PKG-5), unlike SCORM's 0–100. */
export const scaledMastery = (unit: Unit) => {
  const mark = passMark(unit);
  return mark === undefined ? undefined : Math.round(mark * 100) / 10000;
};

/** cmi5 courses: cmi5.xml at the root, one AU per unit (C5-PKG-1..6). */
const au = (activityBase: string, unit: Unit, url: string) => ({
  id: unitActivityId(activityBase, unit),
  title: unit.title,
  description: plainText(unit.description),
  url,
  moveOn: moveOn(unit),
  masteryScore: scaledMastery(unit) ?? false,
});

export function createCmi5Format(activityBase: string): PackageFormat {
  let template: Handlebars.TemplateDelegate | undefined;
  const load = async () =>
    (template ??= Handlebars.create().compile(await readFile(join(packageRoot(), "templates", "cmi5", "cmi5.xml.hbs"), "utf8"), { strict: true }));
  return {
    id: "cmi5",
    connectSrc: "*",
    async packageFiles(input: PackageInput): Promise<FileMap> {
      const render = await load();
      const { unit, language } = input;
      const only = au(activityBase, unit, "index.html");
      const xml = render({ language, courseId: `${only.id}/course`, title: unit.title, description: only.description, aus: [only] });
      return new Map([...input.files, ["cmi5.xml", xml]]);
    },
    /** One AU per unit, each in its own folder (cmi5 §13.1.4). */
    async packageCourse(input: CourseInput): Promise<FileMap> {
      const render = await load();
      const files: FileMap = new Map();
      for (const { unit, files: unitFiles } of input.units) for (const [path, content] of unitFiles) files.set(`${unit.id}/${path}`, content);
      const xml = render({
        language: input.language,
        courseId: `${activityBase.endsWith("/") ? activityBase : `${activityBase}/`}courses/${input.id}`,
        title: input.title,
        description: plainText(input.description),
        aus: input.units.map(({ unit }) => au(activityBase, unit, `${unit.id}/index.html`)),
      });
      return new Map([...files, ["cmi5.xml", xml]]);
    },
  };
}
