// The public library API: re-exports only.
export { loadUnit, type LoadedUnit, type LoadResult } from "./node/load/load-unit.js";
export { validateUnit } from "./node/build/validate-unit.js";
export { buildUnit, packageName, type BuildOptions, type BuildResult, type BuiltPackage, type PackageSummary } from "./node/build/build-unit.js";
export { buildAll, type BuildAllOptions, type BuildAllResult } from "./node/build/build-all.js";
export { createBuildContext, type BuildContext } from "./node/build/build-context.js";
export { formatDiagnostic } from "./node/diagnostics/format-diagnostic.js";
export { FORMATS, type FormatId } from "./node/package/package-format.js";
export type { FileMap } from "./node/package/file-map.js";
export type { Diagnostic } from "./shared/diagnostic.js";
export { hasErrors } from "./shared/diagnostic.js";
export { unitJsonSchema, UNIT_SCHEMA_ID } from "./shared/schema/unit-schema.js";
export { schemaReference } from "./node/docs/schema-reference.js";
export type * from "./shared/unit-types.js";
export { collectTexts, type TextEntry } from "./shared/translatable-text.js";
