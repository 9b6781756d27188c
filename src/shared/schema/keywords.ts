// The schema's own annotation keywords. Kept apart from the TypeBox builders so that code which only
// reads a schema (the build, the published JSON) needs no TypeBox at run time.

/** Marks a string a translator translates; the loader reads the set of text fields off these marks. */
export const TRANSLATABLE = "x-translatable";

/** Marks a path to a file inside the unit folder; the resolve stage checks it against the disk. */
export const ASSET_PATH = "x-asset-path";
