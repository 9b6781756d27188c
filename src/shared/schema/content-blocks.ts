import Type from "typebox";
import { AssetPath, Id, Markdown, Text } from "./primitives.js";

/** Notebook text travels in SCORM 1.2 suspend_data (4096 characters for all state), so answers are short by default. */
export const DEFAULT_REFLECTION_LENGTH = 150;

const blockId = Id("Unique within the unit; keeps answers and translations attached when blocks move.");

export const TextBlock = Type.Object(
  { kind: Type.Literal("text"), id: blockId, markdown: Markdown("Learning material in Markdown: headings, lists, emphasis, links, tables.") },
  { additionalProperties: false, description: "Rich text." },
);

export const ImageBlock = Type.Object(
  {
    kind: Type.Literal("image"),
    id: blockId,
    src: AssetPath(
      'The image file inside the unit folder (svg, png, jpg, webp, gif). A picture with words in it can have a file per language beside it, e.g. "assets/cycle.lt.svg" for Lithuanian: that language\'s package uses it instead.',
    ),
    alt: Text("What the image shows, for learners who cannot see it. Required.", 1000),
    caption: Type.Optional(Text("A caption shown under the image.", 1000)),
  },
  { additionalProperties: false, description: "An image with alt text." },
);

const mediaFields = {
  id: blockId,
  src: AssetPath("The media file inside the unit folder."),
  title: Text("A short title for the media.", 200),
  captions: Type.Optional(
    Type.Record(Type.String({ pattern: "^[a-z]{2,3}(-[A-Z]{2})?$" }), AssetPath("A WebVTT captions file."), {
      additionalProperties: false,
      description: 'Captions per language: { "en": "assets/intro.en.vtt" }.',
    }),
  ),
  transcript: Type.Optional(Markdown("A full transcript. Required when a language has no captions file.")),
};

export const VideoBlock = Type.Object(
  { kind: Type.Literal("video"), ...mediaFields },
  { additionalProperties: false, description: "A video with captions or a transcript." },
);

export const AudioBlock = Type.Object(
  { kind: Type.Literal("audio"), ...mediaFields },
  { additionalProperties: false, description: "An audio clip with captions or a transcript." },
);

export const CalloutBlock = Type.Object(
  {
    kind: Type.Literal("callout"),
    id: blockId,
    tone: Type.Union([Type.Literal("tip"), Type.Literal("info"), Type.Literal("warning"), Type.Literal("example")], {
      description: "tip, info, warning or example.",
    }),
    title: Type.Optional(Text("A short heading for the callout.", 200)),
    markdown: Markdown("The callout's text."),
  },
  { additionalProperties: false, description: "A highlighted box: a tip, a warning, an example." },
);

export const ReflectionBlock = Type.Object(
  {
    kind: Type.Literal("reflection"),
    id: blockId,
    prompt: Text("The question the learner answers in their own words, in their notebook.", 1000),
    hint: Type.Optional(Text("A nudge that helps the learner start writing.", 1000)),
    maxLength: Type.Optional(
      Type.Integer({ minimum: 50, maximum: 2000, default: DEFAULT_REFLECTION_LENGTH, description: `The longest answer kept, in characters (default ${DEFAULT_REFLECTION_LENGTH}). Notebook text travels in SCORM 1.2 suspend_data, which holds 4096 characters in all.` }),
    ),
  },
  { additionalProperties: false, description: "A reflection prompt for the learner's notebook." },
);
