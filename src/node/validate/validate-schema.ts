import type { JsonSource } from "../load/json-source.js";
import type { Diagnostic } from "../../shared/diagnostic.js";
import type { Unit } from "../../shared/unit-types.js";
import { schemaDiagnostics } from "./schema-diagnostics.js";
import type { SchemaValidator } from "./schema-validator.js";
import { semanticChecks } from "./semantic-checks.js";

/** Schema first; the semantic checks only run on a unit whose shape is right, so they can trust its types. */
export function validateStructure(source: JsonSource, schema: SchemaValidator): { unit?: Unit; diagnostics: Diagnostic[] } {
  if (!schema(source.value)) return { diagnostics: schemaDiagnostics(schema.errors ?? [], source) };
  const unit = source.value as Unit;
  return { unit, diagnostics: semanticChecks(unit, source) };
}
