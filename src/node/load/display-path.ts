import { relative, sep } from "node:path";

/** Paths in diagnostics are relative to where the designer ran the command, with forward slashes. */
export const displayPath = (absolute: string, cwd = process.cwd()): string => {
  const rel = relative(cwd, absolute) || ".";
  return sep === "/" ? rel : rel.split(sep).join("/");
};
