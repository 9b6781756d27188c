import type { LoadedUnit } from "../load/load-unit.js";
import { resolveAssets, withLanguageAssets, type ResolvedAsset } from "../resolve/resolve-assets.js";
import { resolveLanguages } from "../resolve/resolve-languages.js";
import { validateStructure } from "../validate/validate-schema.js";
import { checkSuspendBudget } from "../validate/suspend-budget.js";
import { hasErrors, type Diagnostic } from "../../shared/diagnostic.js";
import type { Unit } from "../../shared/unit-types.js";
import { uiStringsFor } from "../../shared/ui-strings.js";
import { diagnostics as codes } from "../diagnostics/codes.js";
import type { FormatId } from "../package/package-format.js";
import type { BuildContext } from "./build-context.js";

/** A unit that passed every check, with its text in each language and its assets located. */
export interface CheckedUnit {
  loaded: LoadedUnit;
  unit: Unit;
  localized: Map<string, Unit>;
  assets: ResolvedAsset[];
}

export interface CheckOptions {
  /** The formats the unit is being built for (default: any of them, so every format's limits apply). */
  formats?: readonly FormatId[];
}

/** validate → resolve: every problem of a unit in one pass, and the checked unit when there is none. */
export async function checkUnit(loaded: LoadedUnit, context: BuildContext, options: CheckOptions = {}): Promise<{ checked?: CheckedUnit; diagnostics: Diagnostic[] }> {
  const structure = validateStructure(loaded.source, context.schema);
  if (!structure.unit) return { diagnostics: structure.diagnostics };
  const unit = structure.unit;
  const [languages, assets] = [resolveLanguages(unit, loaded), await resolveAssets(unit, loaded)];
  const uiGaps = unit.languages
    .filter((language) => !uiStringsFor(language))
    .map((language) => codes.uiStringsMissing({ file: loaded.source.file, pointer: "/languages", loc: loaded.source.locate("/languages") }, language));
  // SCORM 1.2 keeps all progress in 4096 characters; xAPI and cmi5 keep it in a state document without that limit.
  const scorm12 = !options.formats || options.formats.includes("scorm12");
  const budget = !scorm12 || hasErrors(structure.diagnostics) ? [] : checkSuspendBudget(unit, loaded.source);
  const diagnostics = [...structure.diagnostics, ...languages.diagnostics, ...assets.diagnostics, ...uiGaps, ...budget];
  if (hasErrors(diagnostics)) return { diagnostics };
  const localized = new Map([...languages.localized].map(([language, u]) => [language, withLanguageAssets(u, assets.variants.get(language))]));
  return { checked: { loaded, unit, localized, assets: assets.assets }, diagnostics };
}
