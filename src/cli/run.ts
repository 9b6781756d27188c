import { parseArgs } from "node:util";
import { skillpackVersion } from "../node/package-root.js";
import { buildCommand, validateCommand, type CommandOptions } from "./commands.js";
import { i18nCommand } from "./i18n-commands.js";
import { newCommand } from "./new-command.js";
import { previewCommand } from "./preview-command.js";
import { inspectCommand } from "./inspect-command.js";
import type { Output } from "./report.js";
import { USAGE } from "./usage.js";
import { UsageError } from "./usage-error.js";

const list = (value: string | undefined) => value?.split(",").map((s) => s.trim()).filter(Boolean);

/** Parses the command line and runs a command; the only place that decides the exit code. */
export async function run(argv: string[], output: Output, cwd = process.cwd()): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: "string" },
      lang: { type: "string" },
      out: { type: "string" },
      "activity-base": { type: "string" },
      pdf: { type: "boolean" },
      watch: { type: "boolean", short: "w" },
      force: { type: "boolean" },
      multilingual: { type: "boolean" },
      port: { type: "string" },
      host: { type: "string" },
      quiet: { type: "boolean", short: "q" },
      debug: { type: "boolean" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
  });
  if (values.version) return output.out(skillpackVersion()), 0;
  const [command, ...paths] = positionals;
  if (values.help || !command || command === "help") return output.out(USAGE), command || values.help ? 0 : 2;
  const options: CommandOptions = { paths, cwd, ...(values.format ? { formats: list(values.format) } : {}), ...(values.lang ? { languages: list(values.lang) } : {}), ...(values.out ? { out: values.out } : {}), ...(values["activity-base"] ? { activityBase: values["activity-base"] } : {}), ...(values.pdf ? { pdf: true } : {}), ...(values.watch ? { watch: true } : {}), ...(values.force ? { force: true } : {}), ...(values.multilingual ? { multilingual: true } : {}) };
  const quietOutput = { ...output, quiet: Boolean(values.quiet) };
  if (command === "build") return buildCommand(options, quietOutput);
  if (command === "validate") return validateCommand(options, quietOutput);
  if (command === "preview")
    return previewCommand(paths, { cwd, ...(values.lang ? { language: values.lang } : {}), ...(values.port ? { port: values.port } : {}), ...(values.host ? { host: values.host } : {}) }, quietOutput);
  if (command === "inspect") return inspectCommand(paths, { cwd }, quietOutput);
  if (command === "new") return newCommand(paths, { cwd, languages: list(values.lang) ?? ["en"], ...(values.out ? { out: values.out } : {}) }, quietOutput);
  if (command === "i18n")
    return i18nCommand({ action: paths[0], paths: paths.slice(1), cwd, ...(values.lang ? { language: values.lang } : {}), ...(values.format ? { format: values.format } : {}), ...(values.out ? { out: values.out } : {}) }, quietOutput);
  throw new UsageError(`unknown command "${command}". Commands: build, validate, preview, new, i18n, inspect.`);
}
