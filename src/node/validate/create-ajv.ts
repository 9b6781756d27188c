import { Ajv2020, type Options } from "ajv/dist/2020.js";
import { ASSET_PATH, TRANSLATABLE } from "../../shared/schema/keywords.js";

/**
 * The ajv set-up for unit files. rollup.config.mjs uses the same function to precompile the validator
 * into the published build, so the CLI starts without compiling the schema at all.
 */
export function createUnitAjv(options: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, discriminator: true, verbose: true, ...options });
  // Annotations only: what is text and what is a file path; they validate nothing themselves.
  ajv.addKeyword({ keyword: TRANSLATABLE, schemaType: "boolean" });
  ajv.addKeyword({ keyword: ASSET_PATH, schemaType: "boolean" });
  return ajv;
}
