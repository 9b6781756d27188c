import type { TextEntry } from "../../shared/translatable-text.js";

const FIELD_NOTES: Record<string, string> = {
  title: "a title",
  description: "a description",
  markdown: "learning text in Markdown: keep **bold**, lists, tables and links as they are",
  intro: "an introduction in Markdown",
  transcript: "a media transcript in Markdown",
  prompt: "a question or prompt in Markdown",
  text: "a short text",
  feedback: "feedback the learner sees after choosing: why it is right or wrong",
  feedbackCorrect: "feedback after a right answer",
  feedbackWrong: "feedback after a wrong answer",
  alt: "alt text for an image: what it shows, for learners who cannot see it",
  caption: "an image caption",
  hint: "a hint that helps the learner start writing",
  label: "a short label on a button or scale",
  name: "a short name (level or badge)",
  speaker: "the name or role of a person speaking in the scenario",
  left: "a card the learner matches",
  right: "the matching card",
  term: "a glossary term",
  definition: "a plain explanation of a glossary term",
  instructions: "what the learner does in an activity",
};

/** What a translator needs to know about a text: what kind of text it is and where it shows. */
export function translatorNote(entry: TextEntry): string {
  const field = entry.key.slice(entry.key.lastIndexOf(".") + 1);
  const accepted = /\.accept\.[^.]+\.text$/.test(entry.key) ? "an answer learners may type in the fill-in question: give the spelling a learner in this language would type" : undefined;
  return `${accepted ?? FIELD_NOTES[field] ?? field} (${entry.pointer})`;
}
