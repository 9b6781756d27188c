import type { ErrorObject, ValidateFunction } from "ajv";
import { unitJsonSchema } from "../../shared/schema/unit-schema.js";
import { createUnitAjv } from "./create-ajv.js";

export type SchemaValidator = ValidateFunction & { errors?: ErrorObject[] | null };

/**
 * Compiles the unit schema. In the published build rollup replaces this module with the validator
 * precompiled by ajv (rollup.config.mjs), so only tests and the source tree pay for compiling.
 */
export function compileUnitSchema(): SchemaValidator {
  return createUnitAjv().compile(unitJsonSchema);
}
