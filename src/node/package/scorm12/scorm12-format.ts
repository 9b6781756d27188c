import { readFile } from "node:fs/promises";
import { join } from "node:path";
import Handlebars from "handlebars";
import { packageRoot } from "../../package-root.js";
import type { FileMap } from "../file-map.js";
import { passMark, plainText } from "../manifest-text.js";
import type { PackageFormat, PackageInput } from "../package-format.js";

/** SCORM 1.2 CAM control documents, shipped verbatim at the package root (rule S12-PKG-3). */
export const SCORM12_CONTROL_FILES = ["imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd", "ims_xml.xsd"];


export function createScorm12Format(): PackageFormat {
  let manifest: Handlebars.TemplateDelegate | undefined;
  let controlFiles: [string, Uint8Array][] | undefined;
  const root = join(packageRoot(), "templates", "scorm12");
  return {
    id: "scorm12",
    connectSrc: "'none'",
    async packageFiles(input: PackageInput): Promise<FileMap> {
      manifest ??= Handlebars.create().compile(await readFile(join(root, "imsmanifest.xml.hbs"), "utf8"), { strict: true });
      controlFiles ??= await Promise.all(SCORM12_CONTROL_FILES.map(async (f) => [f, await readFile(join(root, f))] as [string, Uint8Array]));
      const { unit, language } = input;
      const shared = ["player.css", "player.js"];
      const scoFiles = [...input.files.keys()].filter((f) => !shared.includes(f)).sort();
      const stem = `${unit.id}-${language}`.toUpperCase().replace(/[^A-Z0-9]+/g, "-");
      // SCORM 1.2 masteryscore is 0–100, the quiz pass mark as it is.
      const mastery = passMark(unit);
      const xml = manifest({
        unit,
        language,
        description: plainText(unit.description),
        ids: { manifest: `MANIFEST-${stem}`, organization: `ORG-${stem}`, shared: `RES-${stem}-PLAYER` },
        scos: [{ itemId: `ITEM-${stem}`, resourceId: `RES-${stem}`, title: unit.title, href: "index.html", files: scoFiles, masteryScore: mastery ?? false }],
        sharedFiles: shared,
      });
      return new Map<string, Uint8Array | string>([...input.files, ["imsmanifest.xml", xml], ...controlFiles]);
    },
  };
}
