import type { BlockRulesOf, ScenarioNodeRules } from "../../shared/player-data.js";
import type { ScenarioProgress } from "../../shared/tracking-types.js";
import { $, $$, button, focusQuietly, make } from "../player/dom.js";
import type { BlockContext } from "./block-context.js";

type Rules = BlockRulesOf<"scenario">;

/** The nodes a path passes through, from the start node to the current one. */
export function walkScenario(rules: Rules, path: readonly string[]): ScenarioNodeRules[] {
  const byId = new Map(rules.nodes.map((n) => [n.id, n]));
  const nodes = [byId.get(rules.start)!];
  for (const choiceId of path) {
    const next = nodes[nodes.length - 1]!.choices.find((c) => c.id === choiceId)?.next;
    const node = next ? byId.get(next) : undefined;
    if (!node) break;
    nodes.push(node);
  }
  return nodes;
}

/** Takes a choice: a loop back to a node already on the path cuts the path there, so it never grows without end. */
export function takeChoice(rules: Rules, progress: ScenarioProgress, choiceId: string): ScenarioProgress {
  const nodes = walkScenario(rules, progress.path);
  const path = progress.path.slice(0, nodes.length - 1);
  const choice = nodes[nodes.length - 1]!.choices.find((c) => c.id === choiceId);
  if (!choice) return progress;
  const seenAt = nodes.findIndex((n) => n.id === choice.next);
  const nextPath = seenAt >= 0 ? path.slice(0, seenAt) : [...path, choiceId];
  const runPoints = pathPoints(rules, nextPath);
  const end = walkScenario(rules, nextPath).pop()!;
  const outcomes = end.outcome && !progress.outcomes.includes(end.outcome) ? [...progress.outcomes, end.outcome] : progress.outcomes;
  return { path: nextPath, outcomes, bestPoints: Math.max(progress.bestPoints, runPoints) };
}

function pathPoints(rules: Rules, path: readonly string[]): number {
  const nodes = walkScenario(rules, path);
  return path.reduce((sum, id, i) => sum + (nodes[i]?.choices.find((c) => c.id === id)?.points ?? 0), 0);
}

/**
 * A branching dialogue: one step at a time; a choice shows its consequence, "Continue" goes on, an ending
 * shows its outcome and lets the learner start again. Every reached outcome is kept; the best run's points count.
 */
export function mountScenario(el: HTMLElement, rules: Rules, ctx: BlockContext): void {
  const doc = el.ownerDocument;
  const nodeEls = new Map($$(el, "[data-node]").map((n) => [n.dataset.node!, n]));
  const progress = (): ScenarioProgress => ctx.session.state.scenarios[rules.id] ?? { path: [], outcomes: [], bestPoints: 0 };
  const extras: HTMLElement[] = [];

  const render = (focus: boolean) => {
    for (const x of extras.splice(0)) x.remove();
    const current = walkScenario(rules, progress().path).pop()!;
    for (const [id, nodeEl] of nodeEls) nodeEl.hidden = id !== current.id;
    const nodeEl = nodeEls.get(current.id)!;
    for (const b of $$<HTMLButtonElement>(nodeEl, "[data-choice]")) {
      b.disabled = false;
      b.removeAttribute("aria-pressed");
    }
    for (const f of $$(nodeEl, "[data-feedback]")) f.hidden = true;
    if (current.outcome) {
      const outcome = make(doc, "p", { class: `sp-outcome sp-outcome-${current.outcome}` }, ctx.ui.outcomes[current.outcome]);
      const again = button(doc, ctx.ui.startAgain, "sp-button", () => {
        ctx.session.change((s) => {
          s.scenarios[rules.id] = { ...progress(), path: [] };
        });
        render(true);
      });
      extras.push(outcome, again);
      nodeEl.append(outcome, again);
    }
    if (focus) focusQuietly($(nodeEl, ".sp-line"));
  };

  for (const [, nodeEl] of nodeEls) {
    for (const choice of $$<HTMLButtonElement>(nodeEl, "[data-choice]")) {
      choice.addEventListener("click", () => {
        if (choice.disabled) return;
        for (const b of $$<HTMLButtonElement>(nodeEl, "[data-choice]")) b.disabled = true;
        choice.setAttribute("aria-pressed", "true");
        const feedback = $(nodeEl, `[data-feedback="${CSS.escape(choice.dataset.choice!)}"]`);
        if (feedback) feedback.hidden = false;
        ctx.session.change((s) => {
          s.scenarios[rules.id] = takeChoice(rules, progress(), choice.dataset.choice!);
        });
        const go = button(doc, ctx.ui.continue, "sp-button sp-button-primary", () => render(true));
        extras.push(go);
        (feedback ?? choice).after(go);
        // The consequence is read first; Continue is the next Tab stop.
        if (feedback) focusQuietly(feedback);
        else go.focus();
      });
    }
  }
  render(false);
}
