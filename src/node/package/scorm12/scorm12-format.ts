import { readFile } from "node:fs/promises";
import { join } from "node:path";
import Handlebars from "handlebars";
import { packageRoot } from "../../package-root.js";
import type { Unit } from "../../../shared/unit-types.js";
import type { FileMap } from "../file-map.js";
import { passMark, plainText } from "../manifest-text.js";
import type { CourseInput, PackageFormat, PackageInput } from "../package-format.js";

/** SCORM 1.2 CAM control documents, shipped verbatim at the package root (rule S12-PKG-3). */
export const SCORM12_CONTROL_FILES = ["imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd", "ims_xml.xsd"];

const PLAYER_FILES = ["player.css", "player.js"];

/** Manifest identifiers are xsd:ID (NCName): letters first, no spaces or colons (S12-NS-4). */
const identifier = (...parts: string[]) => parts.join("-").toUpperCase().replace(/[^A-Z0-9]+/g, "-");

interface Sco {
  itemId: string;
  resourceId: string;
  title: string;
  href: string;
  files: string[];
  /** SCORM 1.2 masteryscore is 0–100: the quiz pass mark as it is; false without a quiz. */
  masteryScore: number | false;
}

const sco = (stem: string, unit: Unit, folder: string, files: Iterable<string>): Sco => ({
  itemId: identifier("ITEM", stem),
  resourceId: identifier("RES", stem),
  title: unit.title,
  href: `${folder}index.html`,
  files: [...files].sort(),
  masteryScore: passMark(unit) ?? false,
});

export function createScorm12Format(): PackageFormat {
  let manifest: Handlebars.TemplateDelegate | undefined;
  let controlFiles: [string, Uint8Array][] | undefined;
  const root = join(packageRoot(), "templates", "scorm12");
  const load = async () => {
    manifest ??= Handlebars.create().compile(await readFile(join(root, "imsmanifest.xml.hbs"), "utf8"), { strict: true });
    controlFiles ??= await Promise.all(SCORM12_CONTROL_FILES.map(async (f) => [f, await readFile(join(root, f))] as [string, Uint8Array]));
    return { manifest, controlFiles };
  };
  return {
    id: "scorm12",
    connectSrc: "'none'",
    async packageFiles(input: PackageInput): Promise<FileMap> {
      const { manifest, controlFiles } = await load();
      const { unit, language } = input;
      const stem = identifier(unit.id, language);
      const own = [...input.files.keys()].filter((f) => !PLAYER_FILES.includes(f));
      const xml = manifest({
        title: unit.title,
        version: unit.version,
        language,
        description: plainText(unit.description),
        ids: { manifest: identifier("MANIFEST", stem), organization: identifier("ORG", stem), shared: identifier("RES", stem, "PLAYER") },
        scos: [sco(stem, unit, "", own)],
        sharedFiles: PLAYER_FILES,
      });
      return new Map<string, Uint8Array | string>([...input.files, ["imsmanifest.xml", xml], ...controlFiles]);
    },
    /** One SCO per unit, each in its own folder (S12-MULTI-1): Moodle shows them as a table of contents. */
    async packageCourse(input: CourseInput): Promise<FileMap> {
      const { manifest, controlFiles } = await load();
      const stem = identifier(input.id, input.language);
      const files: FileMap = new Map();
      const scos = input.units.map(({ unit, files: unitFiles }) => {
        for (const [path, content] of unitFiles) files.set(`${unit.id}/${path}`, content);
        return sco(identifier(input.id, unit.id, input.language), unit, `${unit.id}/`, [...unitFiles.keys()].map((p) => `${unit.id}/${p}`));
      });
      const xml = manifest({
        title: input.title,
        version: input.version,
        language: input.language,
        description: plainText(input.description),
        ids: { manifest: identifier("MANIFEST", stem), organization: identifier("ORG", stem), shared: identifier("RES", stem, "PLAYER") },
        scos,
        sharedFiles: [],
      });
      return new Map<string, Uint8Array | string>([...files, ["imsmanifest.xml", xml], ...controlFiles]);
    },
  };
}
