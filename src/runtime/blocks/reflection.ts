import type { BlockRulesOf } from "../../shared/player-data.js";
import { clip } from "../../shared/state/state-codec.js";
import { $ } from "../player/dom.js";
import type { BlockContext } from "./block-context.js";

/** A notebook prompt: the learner's words are saved while they type (after a pause) and when they leave the box. */
export function mountReflection(el: HTMLElement, rules: BlockRulesOf<"reflection">, ctx: BlockContext): void {
  const box = $<HTMLTextAreaElement>(el, "textarea");
  const note = $(el, ".sp-saved-note");
  if (!box) return;
  box.value = ctx.session.state.reflections[rules.id] ?? "";
  const keep = (timing: "now" | "soon") =>
    ctx.session.change((s) => {
      const text = clip(box.value, rules.maxLength);
      if (text.trim()) s.reflections[rules.id] = text;
      else delete s.reflections[rules.id];
    }, timing);
  box.addEventListener("input", () => keep("soon"));
  box.addEventListener("change", () => {
    keep("now");
    if (note) note.textContent = box.value.trim() ? ctx.ui.savedInNotebook : "";
  });
}
