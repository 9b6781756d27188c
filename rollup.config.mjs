// Rollup bundles; esbuild only transpiles (TypeScript 7's native tsc has no JS API for rollup to call).
// `tsc` type-checks and writes the declarations separately (see package.json "build").
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { build as esbuildBuild, transform as esbuildTransform } from "esbuild";
import esbuild from "rollup-plugin-esbuild";
import resolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
const external = [...Object.keys(pkg.dependencies ?? {}), ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const isExternal = (id) => external.some((name) => id === name || id.startsWith(`${name}/`));

/** Publishes the JSON Schema built from the TypeBox source, so editors and other tools can use it. */
function unitSchemaFile() {
  return {
    name: "unit-schema-file",
    async generateBundle() {
      const out = await esbuildBuild({
        entryPoints: ["src/shared/schema/unit-schema.ts"],
        bundle: true,
        format: "esm",
        platform: "node",
        write: false,
      });
      const url = `data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString("base64")}`;
      const { unitJsonSchema } = await import(url);
      this.emitFile({ type: "asset", fileName: "schema/unit.schema.json", source: `${JSON.stringify(unitJsonSchema, null, 2)}\n` });
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
    plugins: [esbuild({ target: "node20", tsconfig: "tsconfig.json" }), unitSchemaFile()],
    output: {
      dir: "dist",
      format: "es",
      chunkFileNames: "chunks/[name]-[hash].js",
      banner: (chunk) => (chunk.name === "cli" ? "#!/usr/bin/env node" : ""),
      sourcemap: false,
    },
  },
  {
    input: "src/runtime/main.ts",
    plugins: [
      resolve({ browser: true }),
      esbuild({ target: "es2019", tsconfig: "src/runtime/tsconfig.json" }),
      terser({ format: { comments: false }, compress: { passes: 2 } }),
      playerStylesheet(runtimeCss),
    ],
    output: { dir: "dist/runtime", format: "iife", entryFileNames: "player.js", sourcemap: false },
  },
];
