/** A package's files by their path inside the zip, in memory: what buildUnit returns with write: false. */
export type FileMap = Map<string, Uint8Array | string>;

/** The same files in a fixed order, so a package is byte-identical whatever order the stages produced them in. */
export const sortedEntries = (files: FileMap): [string, Uint8Array | string][] =>
  [...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
