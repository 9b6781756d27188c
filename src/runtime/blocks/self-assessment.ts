import type { BlockRulesOf, SelfAssessmentBand } from "../../shared/player-data.js";
import type { AnswerRecord, LikertAnswers } from "../../shared/tracking-types.js";
import { formatUi } from "../../shared/ui-strings.js";
import { $, $$, focusQuietly, formatNumber, make } from "../player/dom.js";
import type { BlockContext } from "./block-context.js";
import { renderProfile, type ProfileSeries } from "./profile-chart.js";

type Rules = BlockRulesOf<"selfAssessment">;
export type Phase = "before" | "after";

/** The mean of the answered values, to 2 decimals. */
export const averageOf = (values: readonly (number | null)[]) => {
  const given = values.filter((v): v is number => v !== null);
  return given.length ? Math.round((given.reduce((a, b) => a + b, 0) / given.length) * 100) / 100 : 0;
};

/** The band an average falls in; where two bands meet, the higher one. */
export const bandOf = (bands: readonly SelfAssessmentBand[], average: number) => [...bands].reverse().find((b) => average >= b.min && average <= b.max);

/**
 * A Likert self-assessment, taken before the unit (the selfAssessment block) and after it (the
 * selfAssessmentRetake block, same statements). Answers are kept as they are given; "See my profile"
 * shows the score band, its feedback and the before/after chart, and reports each statement as a likert
 * interaction.
 */
export function mountSelfAssessment(el: HTMLElement, rules: Rules, phase: Phase, ctx: BlockContext): void {
  const doc = el.ownerDocument;
  const fieldsets = $$(el, "fieldset[data-statement]");
  const radios = (i: number) => $$<HTMLInputElement>(fieldsets[i]!, "input[type=radio]");
  const submit = $<HTMLButtonElement>(el, '[data-action="submit"]');
  const result = $(el, ".sp-result");
  const shownAt = Date.now();
  const answers = (): LikertAnswers | undefined => ctx.session.state.selfAssessments[rules.id]?.[phase];
  const statementTexts = fieldsets.map((f) => $(f, "legend")?.textContent?.trim() ?? "");

  const lock = (locked: boolean) => {
    fieldsets.forEach((_, i) => radios(i).forEach((r) => (r.disabled = locked)));
    if (submit) submit.hidden = locked;
  };
  const showProfile = (focus: boolean) => {
    if (!result) return;
    const sa = ctx.session.state.selfAssessments[rules.id] ?? {};
    const current = answers()!;
    const average = averageOf(current.values);
    const band = bandOf(rules.bands, average);
    result.textContent = "";
    const heading = make(doc, "h4", { class: "sp-result-title" }, ctx.ui.myProfile);
    result.append(heading, make(doc, "p", {}, formatUi(ctx.ui.averageScore, { value: formatNumber(average, ctx.language) })));
    if (band) {
      result.append(make(doc, "p", { class: "sp-band" }, band.label));
      const feedback = make(doc, "div", { class: "sp-band-feedback" });
      feedback.innerHTML = band.feedbackHtml; // safe HTML: rendered from Markdown by the build, never from the learner
      result.append(feedback);
    }
    const series: ProfileSeries[] = [];
    if (sa.before?.done) series.push({ label: ctx.ui.before, className: "sp-before", values: sa.before.values });
    if (sa.after?.done) series.push({ label: ctx.ui.after, className: "sp-after", values: sa.after.values });
    result.append(renderProfile(doc, rules, statementTexts, series, { chart: ctx.ui.profileChart, statement: ctx.ui.statement }));
    if (focus) focusQuietly(heading);
  };

  const saved = answers();
  fieldsets.forEach((fieldset, i) => {
    const value = saved?.values[i];
    radios(i).forEach((r) => {
      r.checked = value !== null && value !== undefined && Number(r.value) === value;
      r.addEventListener("change", () => {
        ctx.session.change((s) => {
          const entry = (s.selfAssessments[rules.id] ??= {});
          const values = entry[phase]?.values.slice() ?? rules.statements.map(() => null);
          values[i] = Number(r.value);
          entry[phase] = { values, done: false };
        });
      });
    });
    fieldset.classList.remove("sp-missing");
  });
  if (saved?.done) {
    lock(true);
    showProfile(false);
  }

  submit?.addEventListener("click", () => {
    const current = answers();
    const missing = fieldsets.filter((_, i) => current?.values[i] === null || current?.values[i] === undefined);
    fieldsets.forEach((f) => f.classList.toggle("sp-missing", missing.includes(f)));
    if (!current || missing.length) {
      if (result) result.textContent = formatUi(ctx.ui.answerEveryStatement, { count: missing.length || fieldsets.length });
      ctx.announce(formatUi(ctx.ui.answerEveryStatement, { count: missing.length || fieldsets.length }));
      $<HTMLInputElement>(missing[0] ?? fieldsets[0]!, "input")?.focus();
      return;
    }
    const latencyMs = Date.now() - shownAt;
    const records: AnswerRecord[] = rules.statements.map((statement, i) => ({
      questionId: `${rules.id}.${statement}.${phase}`,
      attempt: 1,
      type: "likert",
      response: [String(current.values[i])],
      options: rules.scale.map((s) => String(s.value)),
      result: "neutral",
      latencyMs,
    }));
    ctx.session.record(records, (s) => {
      s.selfAssessments[rules.id]![phase] = { values: current.values.slice(), done: true };
    });
    lock(true);
    showProfile(true);
  });
}
