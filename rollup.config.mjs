// Rollup bundles; esbuild only transpiles (TypeScript 7's native tsc has no JS API for rollup to call).
// `tsc` type-checks and writes the declarations separately (see package.json "build").
import { readFileSync } from "node:fs";
import { basename, resolve as resolvePath } from "node:path";
import { pathToFileURL } from "node:url";
import { builtinModules } from "node:module";
import { build as esbuildBuild, transform as esbuildTransform } from "esbuild";
import esbuild from "rollup-plugin-esbuild";
import resolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
const external = [...Object.keys(pkg.dependencies ?? {}), ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const isExternal = (id) => external.some((name) => id === name || id.startsWith(`${name}/`));

/** Bundles a TypeScript module of ours with esbuild and imports it, for use inside this config. */
async function importTs(entry) {
  // Written under node_modules/.cache so that the bundle's bare imports (ajv, typebox) resolve.
  const outfile = resolvePath("node_modules/.cache/skillpack", `${basename(entry, ".ts")}.mjs`);
  await esbuildBuild({ entryPoints: [entry], bundle: true, format: "esm", platform: "node", outfile, packages: "external", logLevel: "error" });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}

/**
 * The unit schema, done at build time: the JSON Schema is published for editors, and the library gets
 * it as plain JSON plus a validator precompiled by ajv, so neither TypeBox nor schema compilation runs
 * when a designer calls the CLI (together about 400 ms of every start).
 */
function precompiledUnitSchema() {
  let schema;
  let course;
  let validatorCode;
  return {
    name: "precompiled-unit-schema",
    async buildStart() {
      this.addWatchFile("src/shared/schema");
      const [{ unitJsonSchema, UNIT_SCHEMA_ID }, { courseJsonSchema, COURSE_SCHEMA_ID }, { createUnitAjv }, standalone] = await Promise.all([
        importTs("src/shared/schema/unit-schema.ts"),
        importTs("src/shared/schema/course-schema.ts"),
        importTs("src/node/validate/create-ajv.ts"),
        import("ajv/dist/standalone/index.js"),
      ]);
      schema = { json: JSON.parse(JSON.stringify(unitJsonSchema)), id: UNIT_SCHEMA_ID };
      course = { json: JSON.parse(JSON.stringify(courseJsonSchema)), id: COURSE_SCHEMA_ID };
      const ajv = createUnitAjv({ code: { source: true, esm: true } });
      const validate = ajv.compile(schema.json);
      // ajv's ESM output still require()s its runtime helpers (CommonJS): turn those into imports.
      const imports = [];
      const code = standalone.default(ajv, validate).replace(/require\("([^"]+)"\)/g, (_, specifier) => {
        imports.push(`import ajvRuntime${imports.length} from "${specifier}.js";`);
        return `ajvRuntime${imports.length - 1}`;
      });
      validatorCode = `${imports.join("\n")}\n${code}\nexport function compileUnitSchema() { return validate; }\n`;
    },
    load(id) {
      const path = id.replaceAll("\\", "/");
      if (path.endsWith("/src/shared/schema/unit-schema.ts"))
        return `export const UNIT_SCHEMA_ID = ${JSON.stringify(schema.id)};\nexport const unitJsonSchema = ${JSON.stringify(schema.json)};\n`;
      if (path.endsWith("/src/shared/schema/course-schema.ts"))
        return `export const COURSE_SCHEMA_ID = ${JSON.stringify(course.id)};\nexport const courseJsonSchema = ${JSON.stringify(course.json)};\n`;
      if (path.endsWith("/src/node/validate/schema-validator.ts")) return validatorCode;
      return null;
    },
    generateBundle() {
      this.emitFile({ type: "asset", fileName: "schema/unit.schema.json", source: `${JSON.stringify(schema.json, null, 2)}\n` });
      this.emitFile({ type: "asset", fileName: "schema/course.schema.json", source: `${JSON.stringify(course.json, null, 2)}\n` });
    },
  };
}

/** The player's stylesheet: plain CSS files, concatenated in name order and minified. */
function playerStylesheet(files) {
  return {
    name: "player-stylesheet",
    async generateBundle() {
      for (const f of files) this.addWatchFile(f);
      const css = files.map((f) => readFileSync(f, "utf8")).join("\n");
      const { code } = await esbuildTransform(css, { loader: "css", minify: true, target: ["chrome80", "firefox78", "safari13"] });
      this.emitFile({ type: "asset", fileName: "player.css", source: code });
    },
  };
}

const runtimeCss = ["src/runtime/styles/base.css", "src/runtime/styles/player.css", "src/runtime/styles/blocks.css", "src/runtime/styles/print.css"];

export default [
  {
    input: { index: "src/index.ts", cli: "src/cli/main.ts" },
    external: isExternal,
    plugins: [precompiledUnitSchema(), esbuild({ target: "node20", tsconfig: "tsconfig.json" })],
    output: {
      dir: "dist",
      format: "es",
      chunkFileNames: "chunks/[name].js",
      banner: (chunk) => (chunk.name === "cli" ? "#!/usr/bin/env node" : ""),
      sourcemap: false,
    },
  },
  {
    input: "src/runtime/main.ts",
    plugins: [
      resolve({ browser: true }),
      esbuild({ target: "es2019", tsconfig: "src/runtime/tsconfig.json", define: { __SKILLPACK_XAPI__: "false" } }),
      terser({ format: { comments: false }, compress: { passes: 2 } }),
      playerStylesheet(runtimeCss),
    ],
    output: { dir: "dist/runtime", format: "iife", entryFileNames: "player.js", sourcemap: false },
  },
  // The same player with the xAPI and cmi5 adapters and the send queue; xapi and cmi5 packages ship it as
  // player.js (src/node/package/runtime-files.ts), so the SCORM player stays without them.
  {
    input: "src/runtime/main.ts",
    plugins: [
      resolve({ browser: true }),
      esbuild({ target: "es2019", tsconfig: "src/runtime/tsconfig.json", define: { __SKILLPACK_XAPI__: "true" } }),
      terser({ format: { comments: false }, compress: { passes: 2 } }),
    ],
    output: { dir: "dist/runtime", format: "iife", entryFileNames: "player-xapi.js", sourcemap: false },
  },
];
