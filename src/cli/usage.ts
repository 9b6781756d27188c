export const USAGE = `skillpack — build soft-skill units into packages any LMS can run

Usage:
  skillpack build [paths…] [--format scorm12,xapi,cmi5] [--lang en,lt,pl] [--out dist/packages] [--watch]
  skillpack validate [paths…]
  skillpack preview [unit] [--lang lt] [--port 4173] [--host 127.0.0.1]
  skillpack new <id> [--lang en,lt,pl] [--out folder]
  skillpack i18n export <unit> --lang lt [--format xliff|csv] [--out file]
  skillpack i18n import <unit> <file.xlf|file.csv> [--lang lt]
  skillpack inspect <unit> <file|text|->   a learner's saved progress as readable JSON
  skillpack --help | --version

With no paths, every unit folder under ./units is used.

Options:
  --format <list>   what to build, comma-separated: scorm12, xapi, cmi5, notebook (default scorm12)
  --watch, -w       keep running and rebuild what changed each time a unit file is saved
  --multilingual    one package per unit with all its languages; learners switch at any moment
  --force           package every unit again, even when its packages are up to date
  --pdf             with --format notebook: also print each notebook to PDF (needs Chromium)
  --activity-base <iri>  base of xAPI/cmi5 activity ids (default https://skillpack.dev/xapi/activities/)
  --lang <list>     languages to build, comma-separated (default: every language a unit lists)
  --out <dir>       where the zips go (default dist/packages)
  --quiet           print errors only
  --debug           print stack traces of internal errors
  -h, --help        this help
  -v, --version     the version

Exit codes: 0 done, 1 a unit has errors (nothing was written), 2 wrong usage.`;
