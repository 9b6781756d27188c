import type { QuestionRules } from "../../shared/player-data.js";
import { optionOrder, sequenceStart } from "../../shared/state/quiz-draw.js";
import type { UiStrings } from "../../shared/ui-strings.js";
import { formatUi } from "../../shared/ui-strings.js";
import { $, $$, make } from "../player/dom.js";

/** One quiz question on screen: reads and shows the learner's answer, whatever the type, in the state's shape. */
export interface QuestionView {
  rules: QuestionRules;
  el: HTMLElement;
  read(): string[] | undefined;
  write(answer: string[] | undefined): void;
  /** Options in this attempt's order. */
  arrange(seed: number, position: number, shuffle: boolean): void;
  lock(locked: boolean): void;
  showFeedback(correct: boolean, answer: string[] | undefined): void;
  clearFeedback(): void;
}

export interface QuestionEvents {
  /** "soon" while typing, "now" for a choice. */
  changed(view: QuestionView, timing: "now" | "soon"): void;
  announce(text: string): void;
}

const controls = (el: HTMLElement) => $$<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>(el, "input, select, button");

export function createQuestionView(el: HTMLElement, rules: QuestionRules, ui: UiStrings, events: QuestionEvents): QuestionView {
  const doc = el.ownerDocument;
  const inputs = $$<HTMLInputElement>(el, "input[type=radio], input[type=checkbox]");
  const text = $<HTMLInputElement>(el, "input[type=text]");
  const selects = $$<HTMLSelectElement>(el, "select[data-pair]");
  const list = $(el, ".sp-sequence");
  const items = () => (list ? $$(list, "li[data-item]") : []);
  let seqSeed = 0;
  let seqPosition = 0;

  const view: QuestionView = {
    rules,
    el,
    read() {
      switch (rules.type) {
        case "singleChoice":
        case "multipleResponse":
        case "trueFalse": {
          const chosen = inputs.filter((i) => i.checked).map((i) => i.value);
          return chosen.length ? chosen : undefined;
        }
        case "matching": {
          const bySelect = new Map(selects.map((s) => [s.dataset.pair!, s.value]));
          const values = rules.pairs.map((id) => bySelect.get(id) ?? "");
          return values.some(Boolean) ? values : undefined;
        }
        case "sequencing":
          return items().map((li) => li.dataset.item!);
        case "fillIn":
        case "numeric":
          return text && text.value.trim() ? [text.value] : undefined;
      }
    },
    write(answer) {
      switch (rules.type) {
        case "singleChoice":
        case "multipleResponse":
        case "trueFalse":
          inputs.forEach((i) => (i.checked = !!answer?.includes(i.value)));
          return;
        case "matching":
          selects.forEach((s) => (s.value = answer?.[rules.pairs.indexOf(s.dataset.pair!)] ?? ""));
          return;
        case "sequencing": {
          const start = sequenceStart(rules.order.length, seqSeed, seqPosition).map((i) => rules.order[i]!);
          const order = answer && answer.length === rules.order.length ? answer : start;
          const byId = new Map(items().map((li) => [li.dataset.item!, li]));
          for (const id of order) if (byId.get(id)) list!.append(byId.get(id)!);
          updateMoves();
          return;
        }
        case "fillIn":
        case "numeric":
          if (text) text.value = answer?.[0] ?? "";
          return;
      }
    },
    arrange(seed, position, shuffle) {
      seqSeed = seed;
      seqPosition = position;
      if (rules.type !== "singleChoice" && rules.type !== "multipleResponse") return;
      const box = $(el, ".sp-options");
      const rows = $$(el, "[data-option]");
      const byId = new Map(rows.map((r) => [r.dataset.option!, r]));
      for (const i of optionOrder(rules.options.length, seed, position, shuffle)) {
        const row = byId.get(rules.options[i]!);
        if (box && row) box.append(row);
      }
    },
    lock(locked) {
      for (const c of controls(el)) c.disabled = locked;
      if (!locked) updateMoves();
    },
    showFeedback(correct, answer) {
      view.clearFeedback();
      const verdict = make(doc, "p", { class: `sp-verdict ${correct ? "sp-verdict-right" : "sp-verdict-wrong"}` }, correct ? ui.right : ui.notQuite);
      el.classList.add(correct ? "sp-right" : "sp-wrong");
      if (rules.type === "singleChoice" || rules.type === "multipleResponse") {
        for (const row of $$(el, "[data-option]")) {
          const id = row.dataset.option!;
          const isRight = rules.correct.includes(id);
          if (isRight) {
            row.classList.add("sp-correct-option");
            $(row, "label")?.append(make(doc, "span", { class: "sp-tag" }, ui.rightAnswer));
          }
          const feedback = $(row, "[data-feedback]");
          if (feedback) feedback.hidden = !(answer?.includes(id) || isRight);
        }
        $(el, "fieldset")?.after(verdict);
        return;
      }
      const feedback = $(el, `[data-feedback="${correct ? "correct" : "wrong"}"]`);
      if (feedback) {
        feedback.hidden = false;
        feedback.before(verdict);
      } else el.append(verdict);
    },
    clearFeedback() {
      el.classList.remove("sp-right", "sp-wrong");
      $$(el, ".sp-verdict, .sp-tag").forEach((x) => x.remove());
      $$(el, ".sp-correct-option").forEach((x) => x.classList.remove("sp-correct-option"));
      $$(el, "[data-feedback]").forEach((f) => (f.hidden = true));
    },
  };

  function updateMoves() {
    const all = items();
    all.forEach((li, i) => {
      const up = $<HTMLButtonElement>(li, '[data-move="up"]');
      const down = $<HTMLButtonElement>(li, '[data-move="down"]');
      if (up) up.disabled = i === 0;
      if (down) down.disabled = i === all.length - 1;
    });
  }

  for (const input of inputs) input.addEventListener("change", () => events.changed(view, "now"));
  for (const select of selects) select.addEventListener("change", () => events.changed(view, "now"));
  if (text) {
    text.addEventListener("input", () => events.changed(view, "soon"));
    text.addEventListener("change", () => events.changed(view, "now"));
  }
  if (list) {
    list.addEventListener("click", (event) => {
      const moveButton = (event.target as Element).closest<HTMLButtonElement>("[data-move]");
      const li = moveButton?.closest<HTMLElement>("li[data-item]");
      if (!moveButton || !li || moveButton.disabled) return;
      const up = moveButton.dataset.move === "up";
      const sibling = up ? li.previousElementSibling : li.nextElementSibling;
      if (!sibling) return;
      if (up) sibling.before(li);
      else sibling.after(li);
      updateMoves();
      // Moving the element drops focus in some browsers: put it back, on the other arrow at an end.
      const again = moveButton.disabled ? $<HTMLButtonElement>(li, `[data-move="${up ? "down" : "up"}"]`) : moveButton;
      again?.focus();
      const position = items().indexOf(li) + 1;
      events.announce(formatUi(ui.movedTo, { item: $(li, "span")?.textContent ?? "", n: position, total: items().length }));
      events.changed(view, "now");
    });
  }
  return view;
}
