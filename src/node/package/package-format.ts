import type { CheckedUnit } from "../build/check-unit.js";
import type { Unit } from "../../shared/unit-types.js";
import type { FileMap } from "./file-map.js";

export const FORMATS = ["scorm12", "xapi", "cmi5"] as const;
export type FormatId = (typeof FORMATS)[number];

/** What a build can write: a package per tracking standard, or the printable notebook. */
export const OUTPUTS = [...FORMATS, "notebook"] as const;
export type OutputFormat = (typeof OUTPUTS)[number];

/** One unit in one language, rendered and ready to wrap for a tracking standard. */
export interface PackageInput {
  checked: CheckedUnit;
  unit: Unit;
  language: string;
  /** Files every format carries: index.html, player.js, player.css and media/. */
  files: FileMap;
}

/** Units put together as one course, each unit already rendered in the course's language. */
export interface CourseInput {
  id: string;
  version: string;
  language: string;
  title: string;
  description: string;
  /** Each unit's files as packageFiles receives them (index.html, player, media), in course order. */
  units: { unit: Unit; files: FileMap }[];
}

/** A tracking standard's packaging: its content-security policy and the files it adds (manifests, schemas). */
export interface PackageFormat {
  id: FormatId;
  /** Network access the player needs under this standard: SCORM talks to its parent frame, never the network. */
  connectSrc: string;
  packageFiles(input: PackageInput): Promise<FileMap>;
  /** One package holding several units (one SCO or AU each), where the standard allows it. */
  packageCourse?(input: CourseInput): Promise<FileMap>;
}
