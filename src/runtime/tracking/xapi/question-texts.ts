import type { InteractionTexts } from "./interaction.js";

const clean = (text: string | null | undefined) => text?.replace(/\s+/g, " ").trim() || undefined;
const esc = (id: string) => (typeof CSS !== "undefined" && CSS.escape ? CSS.escape(id) : id.replace(/["\\]/g, "\\$&"));

/**
 * The words a learner saw for a question, read from the rendered page, for the activity definition's
 * name and component descriptions (in the language on screen). The page is the only place the runtime
 * has them; anything missing is left out, and the definition stays valid without it.
 */
export function questionTexts(doc: Document, questionId: string, optionIds: readonly string[]): InteractionTexts {
  const root = doc.querySelector<HTMLElement>(`[data-question="${esc(questionId)}"]`);
  if (!root) return {};
  const components: Record<string, string> = {};
  const targets: Record<string, string> = {};
  for (const id of optionIds) {
    const e = esc(id);
    const input = root.querySelector(`input[value="${e}"]`);
    const pair = root.querySelector<HTMLElement>(`[data-pair="${e}"]`);
    const text =
      clean(input?.closest("label")?.textContent) ??
      clean(root.querySelector(`[data-item="${e}"] > span`)?.textContent) ??
      clean(pair?.id ? root.querySelector(`label[for="${esc(pair.id)}"]`)?.textContent : undefined);
    if (text) components[id] = text;
    const target = clean(root.querySelector(`select option[value="${e}"]`)?.textContent);
    if (target) targets[id] = target;
  }
  const name = clean(root.querySelector(".sp-prompt")?.textContent);
  return { ...(name ? { name } : {}), components, ...(Object.keys(targets).length ? { targets } : {}) };
}

/** A self-assessment statement's text and the scale's labels. */
export function likertTexts(doc: Document, blockId: string, statementId: string, scale: readonly { value: number; label: string }[]): InteractionTexts {
  // A retake shows the same statements inside its own block, so any copy of the statement will do.
  const legend =
    doc.querySelector(`[id="${esc(blockId)}"] [data-statement="${esc(statementId)}"] legend`) ?? doc.querySelector(`[data-statement="${esc(statementId)}"] legend`);
  const name = clean(legend?.textContent);
  return { ...(name ? { name } : {}), components: Object.fromEntries(scale.map((s) => [String(s.value), s.label])) };
}
