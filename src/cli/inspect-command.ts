import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { createBuildContext } from "../node/build/build-context.js";
import { checkUnit } from "../node/build/check-unit.js";
import { inspectState } from "../node/inspect/inspect-state.js";
import { loadUnit } from "../node/load/load-unit.js";
import { printDiagnostics, type Output } from "./report.js";
import { UsageError } from "./usage-error.js";

/**
 * skillpack inspect <unit> <file|text>: a learner's saved progress as readable JSON, for the support
 * desk when a learner says "my progress is gone". "-" reads the text from standard input.
 */
export async function inspectCommand(paths: string[], options: { cwd: string }, output: Output): Promise<number> {
  const [unitPath, saved] = paths;
  if (!unitPath || saved === undefined) throw new UsageError("give the unit and the saved data, e.g. skillpack inspect units/communication suspend-data.txt (or the text itself, or - for standard input)");
  const loaded = await loadUnit(unitPath, { cwd: options.cwd });
  const checked = loaded.unit ? await checkUnit(loaded.unit, createBuildContext({ cwd: options.cwd })) : undefined;
  if (!checked?.checked) {
    printDiagnostics([...loaded.diagnostics, ...(checked?.diagnostics ?? [])], output, options.cwd);
    return 1;
  }
  const text =
    saved === "-"
      ? await new Promise<string>((done) => {
          let data = "";
          process.stdin.setEncoding("utf8").on("data", (c) => (data += c)).on("end", () => done(data));
        })
      : await readFile(resolve(options.cwd, saved), "utf8").catch(() => saved);
  const result = inspectState(checked.checked.unit, text);
  if (!result.ok) {
    output.err(`skillpack: this saved data cannot be read with ${unitPath}: ${result.reason}. It may belong to another unit or another version of it.`);
    return 1;
  }
  output.out(JSON.stringify({ unit: checked.checked.unit.id, version: checked.checked.unit.version, from: result.from, characters: result.characters, state: result.state }, null, 2));
  return 0;
}
