import type { BlockRulesOf } from "../../shared/player-data.js";
import type { PlacementProgress, ResumeState } from "../../shared/tracking-types.js";
import { formatUi } from "../../shared/ui-strings.js";
import { $, $$, focusQuietly, make } from "../player/dom.js";
import type { BlockContext } from "./block-context.js";

/**
 * Sorting (a radio group per card) and matching (a select per card) work the same way: the learner places
 * every card, checks, sees per card whether it is right and why, and may change and check again. Both are
 * plain form controls, so keyboard, touch and screen readers work without drag and drop.
 */
interface PlacementActivity {
  id: string;
  points: number;
  /** Card id → its right target id. */
  answers: Map<string, string>;
  /** Where the progress lives in the state. */
  slot(state: ResumeState): Record<string, PlacementProgress>;
  /** The card's element and how to read and set the learner's choice on it. */
  cards: { id: string; el: HTMLElement; read(): string; write(target: string): void; controls: HTMLElement[] }[];
}

function mountPlacement(el: HTMLElement, activity: PlacementActivity, ctx: BlockContext): void {
  const doc = el.ownerDocument;
  const result = $(el, ".sp-result");
  const check = $<HTMLButtonElement>(el, '[data-action="check"]');
  const progress = (): PlacementProgress => activity.slot(ctx.session.state)[activity.id] ?? { placed: {} };
  const clearVerdict = (card: PlacementActivity["cards"][number]) => {
    $(card.el, ".sp-verdict")?.remove();
    const feedback = $(card.el, ".sp-feedback");
    if (feedback) feedback.hidden = true;
    card.el.classList.remove("sp-right", "sp-wrong");
  };

  for (const card of activity.cards) {
    card.write(progress().placed[card.id] ?? "");
    for (const control of card.controls)
      control.addEventListener("change", () => {
        clearVerdict(card);
        ctx.session.change((s) => {
          const p = progress();
          const placed = { ...p.placed };
          const value = card.read();
          if (value) placed[card.id] = value;
          else delete placed[card.id];
          activity.slot(s)[activity.id] = { ...p, placed };
        });
      });
  }
  if (progress().bestRight !== undefined && result)
    result.textContent = formatUi(ctx.ui.activityBest, { right: progress().bestRight!, total: activity.cards.length });

  check?.addEventListener("click", () => {
    const p = progress();
    const missing = activity.cards.filter((c) => !p.placed[c.id]);
    if (missing.length) {
      if (result) result.textContent = ctx.ui.placeEveryCard;
      ctx.announce(ctx.ui.placeEveryCard);
      missing[0]!.controls[0]?.focus();
      return;
    }
    let right = 0;
    for (const card of activity.cards) {
      clearVerdict(card);
      const ok = p.placed[card.id] === activity.answers.get(card.id);
      if (ok) right++;
      card.el.classList.add(ok ? "sp-right" : "sp-wrong");
      const verdict = make(doc, "p", { class: `sp-verdict ${ok ? "sp-verdict-right" : "sp-verdict-wrong"}` }, ok ? ctx.ui.right : ctx.ui.notQuite);
      const feedback = $(card.el, ".sp-feedback");
      if (feedback) {
        feedback.before(verdict);
        feedback.hidden = false;
      } else card.el.append(verdict);
    }
    ctx.session.change((s) => {
      activity.slot(s)[activity.id] = { ...p, bestRight: Math.max(p.bestRight ?? 0, right) };
    });
    if (result) {
      result.textContent = formatUi(ctx.ui.activityResult, { right, total: activity.cards.length });
      focusQuietly(result);
    }
  });
}

export function mountSorting(el: HTMLElement, rules: BlockRulesOf<"sorting">, ctx: BlockContext): void {
  mountPlacement(el, {
    id: rules.id,
    points: rules.points,
    answers: new Map(rules.items.map((i) => [i.id, i.category])),
    slot: (s) => s.sortings,
    cards: $$(el, "[data-item]").map((cardEl) => {
      const radios = $$<HTMLInputElement>(cardEl, "input[type=radio]");
      return {
        id: cardEl.dataset.item!,
        el: cardEl,
        controls: radios,
        read: () => radios.find((r) => r.checked)?.value ?? "",
        write: (target: string) => radios.forEach((r) => (r.checked = r.value === target)),
      };
    }),
  }, ctx);
}

export function mountMatching(el: HTMLElement, rules: BlockRulesOf<"matching">, ctx: BlockContext): void {
  mountPlacement(el, {
    id: rules.id,
    points: rules.points,
    answers: new Map(rules.pairs.map((id) => [id, id])),
    slot: (s) => s.matchings,
    cards: $$(el, "[data-pair]").map((cardEl) => {
      const select = $<HTMLSelectElement>(cardEl, "select")!;
      return { id: cardEl.dataset.pair!, el: cardEl, controls: [select], read: () => select.value, write: (target: string) => (select.value = target) };
    }),
  }, ctx);
}
