import Type, { type TSchema } from "typebox";

import { ASSET_PATH, TRANSLATABLE } from "./keywords.js";

/** Learner-facing text in the unit's source language; translations live in i18n/<lang>.json. */
export const Text = (description: string, maxLength = 20000) =>
  Type.String({ minLength: 1, maxLength, description, [TRANSLATABLE]: true });

/** Markdown (a safe subset: no raw HTML, no script links) in the unit's source language. */
export const Markdown = (description: string) =>
  Type.String({ minLength: 1, maxLength: 50000, description, [TRANSLATABLE]: true, contentMediaType: "text/markdown" });

/** Ids end up in SCORM identifiers and URLs: printable ASCII, no spaces, short. */
export const Id = (description: string) =>
  Type.String({ pattern: "^[a-z0-9][a-z0-9-]{0,47}$", description });

/** A path to a file inside the unit folder, written with forward slashes. */
export const AssetPath = (description: string) =>
  Type.String({ minLength: 1, maxLength: 200, description, [ASSET_PATH]: true });

export const LanguageCode = Type.String({
  pattern: "^[a-z]{2,3}(-[A-Z]{2})?$",
  description: "An IETF language tag such as en, lt, pl or pt-BR.",
});

export const Points = (description: string) => Type.Integer({ minimum: 0, maximum: 1000, description });

/**
 * A union told apart by one property ("kind", "type"). ajv's discriminator then reports errors of the
 * matching branch only, so a designer sees "unknown kind" or the one field that is wrong, not every branch.
 */
export function discriminated<const T extends TSchema[]>(propertyName: string, variants: [...T], description: string) {
  return Type.Unsafe<Type.Static<T[number]>>({ type: "object", oneOf: variants, discriminator: { propertyName }, description });
}
