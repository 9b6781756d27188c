// One factory per diagnostic code, sorted by code. Codes are permanent: docs/errors.md has an anchor for each.
import type { Diagnostic } from "../../shared/diagnostic.js";

/** Where a problem is: filled in by the stage that finds it; line and column come from the source map. */
export interface Place {
  file: string;
  pointer: string;
  loc?: { line: number; column: number };
}

const error = (code: string, at: Place, message: string, hint?: string): Diagnostic => ({
  code, severity: "error", ...at, message, ...(hint ? { hint } : {}),
});
const warning = (code: string, at: Place, message: string, hint?: string): Diagnostic => ({
  code, severity: "warning", ...at, message, ...(hint ? { hint } : {}),
});
const quote = (s: string) => JSON.stringify(s);
const MB = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
/** Two sizes in MB, or in bytes when rounding to MB would print the same number for both. */
const sizes = (size: number, limit: number) =>
  MB(size) !== MB(limit) ? [MB(size), MB(limit)] : [`${size.toLocaleString("en")} bytes`, `${limit.toLocaleString("en")} bytes`];

export const diagnostics = {
  assetMissing: (at: Place, path: string) =>
    error("ASSET_MISSING", at, `The file ${quote(path)} does not exist in the unit folder.`,
      `check the spelling and the folder, e.g. "assets/${path.split("/").pop()}"; paths are relative to the folder that holds unit.json.`),
  assetNotAFile: (at: Place, path: string) =>
    error("ASSET_NOT_A_FILE", at, `${quote(path)} is a folder, not a file.`, "point to a file inside it, e.g. \"assets/picture.svg\"."),
  assetOutsideUnit: (at: Place, path: string, why: string) =>
    error("ASSET_OUTSIDE_UNIT", at, `The asset path ${quote(path)} ${why}. A package may only carry files from inside the unit folder.`,
      "copy the file into the unit's assets/ folder and write a relative path such as \"assets/diagram.svg\"."),
  assetSymlinkOutside: (at: Place, path: string) =>
    error("ASSET_SYMLINK_OUTSIDE", at, `${quote(path)} is a symbolic link that points outside the unit folder.`,
      "replace the link with a copy of the file inside the unit folder."),
  assetTooLarge: (at: Place, path: string, size: number, limit: number) =>
    error("ASSET_TOO_LARGE", at, `${quote(path)} is ${sizes(size, limit)[0]}; files of this kind may be at most ${sizes(size, limit)[1]}, so learners on a weak connection can still open the unit.`,
      "compress the file (e.g. export the image at 1600 px wide, or the video at 720p) and try again."),
  assetTypeNotAllowed: (at: Place, path: string, allowed: readonly string[]) =>
    error("ASSET_TYPE_NOT_ALLOWED", at, `${quote(path)} is not a file type this field accepts.`,
      `use one of: ${allowed.join(", ")}.`),
  assetContentMismatch: (at: Place, path: string, expected: string) =>
    error("ASSET_CONTENT_MISMATCH", at, `${quote(path)} does not hold ${expected} data, although its name says so.`,
      "export the file again in the format its extension names, or rename it to match what it is."),
  danglingReference: (at: Place, what: string, id: string, known: readonly string[]) =>
    error("DANGLING_REFERENCE", at, `This refers to the ${what} ${quote(id)}, but the unit has no ${what} with that id.`,
      known.length ? `use one of: ${known.slice(0, 8).map(quote).join(", ")}${known.length > 8 ? ", …" : ""}.` : `add a ${what} with the id ${quote(id)}.`),
  duplicateId: (at: Place, id: string, firstPointer: string) =>
    error("DUPLICATE_ID", at, `The id ${quote(id)} is used twice; the first use is at ${firstPointer}. Ids keep answers and translations attached, so each must be unique.`,
      `rename this one, e.g. ${quote(`${id}-2`)}.`),
  duplicateKey: (at: Place, key: string) =>
    error("DUPLICATE_KEY", at, `The key ${quote(key)} appears twice in the same object; only the last one would count.`,
      "remove one of them or merge their values."),
  fileUnreadable: (at: Place, why: string) =>
    error("FILE_UNREADABLE", at, `The file could not be read: ${why}.`, "check that the path is right and the file is readable."),
  imageTooLarge: (at: Place, path: string, width: number, height: number, limit: number) =>
    error("IMAGE_TOO_LARGE", at,
      `${quote(path)} is ${width.toLocaleString("en")} × ${height.toLocaleString("en")} pixels; an image may have at most ${limit / 1e6} million pixels, because a learner's device has to hold it decoded in memory (4 bytes a pixel) and a bigger one can freeze or crash the browser.`,
      "export it smaller, e.g. 1600 px wide, and try again."),
  imageWithoutAlt: (at: Place) =>
    error("IMAGE_WITHOUT_ALT", at, "This image has no alt text, so learners who use a screen reader would miss it.",
      'add "alt": "…" describing what the image shows, e.g. "alt": "A worker and a supervisor talking calmly".'),
  invalidJson: (at: Place, what: string, hint?: string) =>
    error("INVALID_JSON", at, `The file is not valid JSON: ${what}.`,
      hint ?? "look just before this place for a missing comma, quote or bracket; JSON allows no comments and no trailing commas."),
  invalidValue: (at: Place, what: string, hint: string) => error("INVALID_VALUE", at, what, hint),
  jsonTooDeep: (at: Place, limit: number) =>
    error("JSON_TOO_DEEP", at, `The file nests lists and objects more than ${limit} levels deep here; no unit needs that, so it is not read further.`,
      "look for brackets opened by mistake, or a list inside a list inside a list."),
  languageNotInUnit: (at: Place, languages: readonly string[], available: readonly string[]) =>
    error("LANGUAGE_NOT_IN_UNIT", at, `The unit is not written in ${languages.map(quote).join(", ")}, so it cannot be built in ${languages.length > 1 ? "those languages" : "that language"}.`,
      `build one of ${available.map(quote).join(", ")}, or add the language to "languages" with its translation file.`),
  levelsNotAscending: (at: Place) =>
    error("LEVELS_NOT_ASCENDING", at, "Levels must start at 0 points and go up: each level needs more points than the one before.",
      'e.g. [{ "minPoints": 0 }, { "minPoints": 50 }, { "minPoints": 120 }].'),
  mediaWithoutText: (at: Place, language: string) =>
    error("MEDIA_WITHOUT_CAPTIONS", at, `This media has neither a captions file for "${language}" nor a transcript, so deaf learners could not follow it.`,
      `add "captions": { "${language}": "assets/clip.${language}.vtt" } or a "transcript".`),
  missingProperty: (at: Place, property: string, hint: string) =>
    error("MISSING_PROPERTY", at, `${quote(property)} is required here but missing.`, hint),
  missingCourseText: (at: Place, field: string, language: string) =>
    error("MISSING_COURSE_TEXT", at, `The course has no ${languageName(language)} ${field}, but "${language}" is listed in its "languages".`,
      `add "${language}": "…" to "${field}", or remove "${language}" from "languages".`),
  missingTranslation: (at: Place, language: string, key: string, file: string) =>
    error("MISSING_TRANSLATION", at, `This text has no ${languageName(language)} translation, but "${language}" is listed in "languages".`,
      `add ${quote(key)}: "…" to ${file}, or remove "${language}" from "languages".`),
  missingTranslationFile: (at: Place, language: string, file: string) =>
    error("MISSING_TRANSLATION_FILE", at, `"${language}" is listed in "languages", but ${file} does not exist.`,
      `create ${file} with the ${languageName(language)} strings (skillpack i18n export makes a start), or remove "${language}" from "languages".`),
  noCorrectAnswer: (at: Place) =>
    error("NO_CORRECT_ANSWER", at, "This question has no option marked as right, so nobody could answer it correctly.",
      'set "correct": true on the right option.'),
  scenarioUnreachable: (at: Place, nodeId: string) =>
    warning("SCENARIO_NODE_UNREACHABLE", at, `No choice leads to the scenario step ${quote(nodeId)}, so learners never see it.`,
      "point a choice's \"next\" at it, or remove it."),
  scenarioNoEnding: (at: Place) =>
    error("SCENARIO_NO_ENDING", at, "This scenario step has no choices and no outcome: the learner would be stuck.",
      'add "choices", or mark it as an ending with "outcome": "best", "good" or "poor".'),
  staleTranslation: (at: Place, language: string, key: string, file: string) =>
    warning("STALE_TRANSLATION", at, `The English text changed after its ${languageName(language)} translation was made, so the translation may no longer match.`,
      `check ${JSON.stringify(key)} in ${file} (skillpack i18n export marks it for the translator), then import it again.`),
  suspendDataBudget: (at: Place, worst: { length: number; limit: number; over: number; biggest: { id: string; kind: string; chars: number }[]; reflectionLengths: number[] }) =>
    error("SUSPEND_DATA_BUDGET", at,
      `A learner's saved progress could take ${worst.length} characters, but SCORM 1.2 keeps at most ${worst.limit} (cmi.suspend_data), so a strict LMS could lose it. ` +
        `That is with every question answered, every reflection filled to its maxLength and every badge earned; most room goes to ${worst.biggest.map((p) => `${p.kind} ${quote(p.id)} (${p.chars})`).join(", ")}.`,
      `shorten by at least ${worst.over} characters: lower "maxLength" of the reflections (now ${worst.reflectionLengths.join(", ")}; the default is 280), ` +
        "draw fewer fill-in questions per quiz attempt, or split the unit in two."),
  tooManyCorrect: (at: Place, count: number) =>
    error("TOO_MANY_CORRECT", at, `A single-choice question must have exactly one right option; this one has ${count}.`,
      'mark only one option "correct": true, or change "type" to "multipleResponse".'),
  translationNotText: (at: Place, key: string) =>
    error("TRANSLATION_NOT_TEXT", at, `The translation of ${quote(key)} must be a non-empty string.`, `write it as ${quote(key)}: "…".`),
  unknownBlockKind: (at: Place, kind: string, suggestion: string | undefined, known: readonly string[]) =>
    error("UNKNOWN_BLOCK_KIND", at, `There is no block kind ${quote(kind)}.`,
      suggestion ? `did you mean ${quote(suggestion)}? Kinds: ${known.join(", ")}.` : `use one of: ${known.join(", ")}.`),
  unknownProperty: (at: Place, property: string, suggestion: string | undefined, known: readonly string[]) =>
    error("UNKNOWN_PROPERTY", at, `${quote(property)} is not a property skillpack knows here, so it would be ignored.`,
      suggestion ? `did you mean ${quote(suggestion)}?` : `remove it; the properties allowed here are: ${known.join(", ")}.`),
  unknownQuestionType: (at: Place, type: string, suggestion: string | undefined, known: readonly string[]) =>
    error("UNKNOWN_QUESTION_TYPE", at, `There is no question type ${quote(type)}.`,
      suggestion ? `did you mean ${quote(suggestion)}? Types: ${known.join(", ")}.` : `use one of: ${known.join(", ")}.`),
  unitNotFound: (at: Place) =>
    error("UNIT_NOT_FOUND", at, "No unit.json was found at this path.", "give a unit folder (holding unit.json) or the unit.json file itself, e.g. units/communication."),
  uiStringsMissing: (at: Place, language: string) =>
    warning("UI_STRINGS_MISSING", at, `skillpack has no ${languageName(language)} words for the player's own buttons and notices, so they will be in English.`,
      "the unit text is still in your language; ask the skillpack team to add the player's strings for it (src/shared/ui-strings.ts)."),
  unusedTranslation: (at: Place, key: string) =>
    warning("UNUSED_TRANSLATION", at, `The translation key ${quote(key)} matches no text in the unit; it may be left over from an edit.`,
      "remove it, or check that the id in the key still exists in unit.json."),
  valueOutOfRange: (at: Place, what: string, hint: string) => error("VALUE_OUT_OF_RANGE", at, what, hint),
  wrongType: (at: Place, expected: string, actual: string) =>
    error("WRONG_TYPE", at, `This should be ${expected}, but it is ${actual}.`, `write ${expected} here.`),
} as const;

const languageNames = new Intl.DisplayNames(["en"], { type: "language" });

/** "lt" → "Lithuanian", for messages; an unknown code is shown as it is. */
export function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}
