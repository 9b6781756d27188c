import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { TRANSLATABLE } from "../../shared/schema/primitives.js";
import { unitJsonSchema } from "../../shared/schema/unit-schema.js";

export type SchemaValidator = ValidateFunction & { errors?: ErrorObject[] | null };

/**
 * Compiles the unit schema. Compiling costs far more than validating, so a build compiles once and
 * validates every unit with the same function.
 */
export function compileUnitSchema(): SchemaValidator {
  const ajv = new Ajv2020({ allErrors: true, strict: true, discriminator: true, verbose: true });
  ajv.addKeyword({ keyword: TRANSLATABLE, schemaType: "boolean" });
  // Asset paths are checked against the file system in the resolve stage, with better messages than a regex gives.
  ajv.addFormat("asset-path", () => true);
  return ajv.compile(unitJsonSchema);
}
