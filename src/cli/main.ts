import { run } from "./run.js";
import { useColor, type Output } from "./report.js";
import { UsageError } from "./usage-error.js";

async function runMain(): Promise<void> {
  const argv = process.argv.slice(2);
  const output: Output = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    color: useColor(process.stderr),
    quiet: false,
    // On a terminal progress rewrites one line; in CI logs and files each unit gets a plain line instead.
    ...(process.stderr.isTTY && !process.env.CI ? { status: (line: string) => process.stderr.write(`\r\u001b[2K${line}`) } : {}),
  };
  try {
    process.exitCode = await run(argv, output);
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    output.err(`skillpack: ${(error as Error).message}`);
    if (usage) output.err('Run "skillpack --help" for usage.');
    else if (argv.includes("--debug")) output.err((error as Error).stack ?? "");
    else output.err("This is a fault in skillpack, not in your unit; run again with --debug and report what it prints.");
    process.exitCode = usage ? 2 : 70;
  }
}

await runMain();
