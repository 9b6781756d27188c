import type { PlayerData } from "../../shared/player-data.js";
import type { ResumeState } from "../../shared/tracking-types.js";
import { $, $$, make } from "../player/dom.js";

/** The notebook as a plain-text file: the unit's title, then each prompt with the learner's answer. */
export function notebookText(title: string, notes: { prompt: string; answer: string }[], notAnswered: string): string {
  const lines = [title, "=".repeat(Math.min(60, title.length)), ""];
  for (const note of notes) lines.push(note.prompt, "", note.answer.trim() ? note.answer.trim() : `(${notAnswered})`, "", "");
  // A byte-order mark, so Windows Notepad opens Lithuanian and Polish letters right.
  return `\ufeff${lines.join("\r\n")}`;
}

/**
 * "My notebook": every reflection prompt with the learner's answer, to print or download as a file. The
 * file is made in the browser (a Blob): nothing is sent anywhere.
 */
export function mountNotebook(root: HTMLElement, data: PlayerData, state: ResumeState) {
  const doc = root.ownerDocument;
  const page = $(root, "#sp-notebook");
  if (!page) return { refresh() {} };
  const notes = $$(page, "[data-note]");
  const collect = () =>
    notes.map((note) => ({ prompt: $(note, ".sp-note-prompt")?.textContent?.trim() ?? "", answer: state.reflections[note.dataset.note!] ?? "" }));

  const refresh = () => {
    for (const note of notes) {
      const text = state.reflections[note.dataset.note!] ?? "";
      const slot = $(note, ".sp-note-text")!;
      slot.textContent = text.trim() ? text : data.ui.notAnswered;
      slot.classList.toggle("sp-muted", !text.trim());
    }
  };

  $(page, '[data-action="print"]')?.addEventListener("click", () => {
    doc.body.classList.add("sp-print-notebook");
    const done = () => doc.body.classList.remove("sp-print-notebook");
    doc.defaultView?.addEventListener("afterprint", done, { once: true });
    doc.defaultView?.print();
  });
  $(page, '[data-action="download"]')?.addEventListener("click", () => {
    const blob = new Blob([notebookText(`${data.unit.title} – ${data.ui.notebook}`, collect(), data.ui.notAnswered)], { type: "text/plain;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = make(doc, "a", { href: url, download: `${data.unit.id}-notebook.txt`, class: "sp-visually-hidden" });
    doc.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10000);
  });
  for (const el of $$(page, "[data-notebook-actions]")) el.hidden = false;
  refresh();
  return { refresh };
}
