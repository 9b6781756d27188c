import { loadUnit, type LoadedUnit } from "../load/load-unit.js";
import { hasErrors, type Diagnostic } from "../../shared/diagnostic.js";
import { createBuildContext, type BuildContext } from "./build-context.js";
import { checkUnit } from "./check-unit.js";

/**
 * Every problem of a unit: syntax, schema, ids and references, languages, assets. Never throws on bad
 * content; an empty list means the unit builds.
 */
export async function validateUnit(unit: string | LoadedUnit, options: { cwd?: string; context?: BuildContext } = {}): Promise<Diagnostic[]> {
  const context = options.context ?? createBuildContext({ cwd: options.cwd ?? process.cwd() });
  const loaded = typeof unit === "string" ? await loadUnit(unit, { cwd: context.cwd }) : { unit, diagnostics: [] };
  if (!loaded.unit || hasErrors(loaded.diagnostics)) return loaded.diagnostics;
  return [...loaded.diagnostics, ...(await checkUnit(loaded.unit, context)).diagnostics];
}
