import type { BlockRules } from "../../shared/player-data.js";
import { NOTEBOOK_PAGE } from "../../shared/state/state-codec.js";
import { mountMatching, mountSorting } from "../blocks/placement.js";
import type { BlockContext } from "../blocks/block-context.js";
import { mountReflection } from "../blocks/reflection.js";
import { mountScenario } from "../blocks/scenario.js";
import { mountSelfAssessment } from "../blocks/self-assessment.js";
import { mountStatusBar } from "../game/status-bar.js";
import { mountNotebook } from "../notebook/notebook-page.js";
import { mountQuiz } from "../quiz/quiz-block.js";
import { $, $$, make } from "./dom.js";
import { createAnnouncer } from "./live-region.js";
import { createNavigation } from "./navigation.js";
import type { Session } from "./session.js";
import type { SaveStatus } from "../tracking/tracker.js";

export interface PlayerView {
  show(pageId: string, options?: { focus?: boolean }): void;
  /** The calm notice of where the learner's progress is, when it is not simply saved. */
  setSaving(status: SaveStatus): void;
  /** The session is over (the learner chose Exit): the unit gives way to a last word. */
  end(sent: boolean): void;
  unmount(): void;
}

export interface MountOptions {
  standalone: boolean;
  /** Language name in its own words, by code, for the switch. */
  languageNames: Record<string, string>;
  onLanguage(language: string): void;
  /** Present when the platform has a way out (the tracker can exit): the header shows an Exit button. */
  onExit?(): void;
}

function mountBlock(el: HTMLElement, rules: BlockRules, all: BlockRules[], ctx: BlockContext): void {
  switch (rules.kind) {
    case "reflection":
      return mountReflection(el, rules, ctx);
    case "scenario":
      return mountScenario(el, rules, ctx);
    case "sorting":
      return mountSorting(el, rules, ctx);
    case "matching":
      return mountMatching(el, rules, ctx);
    case "selfAssessment":
      return mountSelfAssessment(el, rules, "before", ctx);
    case "selfAssessmentRetake": {
      const of = all.find((b) => b.id === rules.of);
      if (of?.kind === "selfAssessment") mountSelfAssessment(el, of, "after", ctx);
      return;
    }
    case "quiz":
      return mountQuiz(el, rules, ctx);
  }
}

/**
 * Brings one language's server-rendered page to life around the session. Called again on a language
 * switch with the other language's page: everything on screen is drawn from the state, so nothing is lost.
 */
export function mountPlayer(root: HTMLElement, session: Session, options: MountOptions): PlayerView {
  const data = session.data;
  const doc = root.ownerDocument;
  const announce = createAnnouncer($(root, "#sp-live"));
  const ctx: BlockContext = { session, ui: data.ui, language: data.unit.language, announce };
  const notice = $(root, "#sp-notice");
  const status = mountStatusBar(root, data, session.state, session.points(), announce);
  const notebook = mountNotebook(root, data, session.state);
  const navigation = createNavigation(root, data, (pageId) => {
    session.change((s) => {
      s.page = pageId;
      if (pageId !== NOTEBOOK_PAGE && !s.visited.includes(pageId)) s.visited.push(pageId);
    });
    if (pageId === NOTEBOOK_PAGE) notebook.refresh();
  });
  const stopNews = session.onNews((news) => {
    status.update(news);
    navigation.markVisited(session.state.visited);
  });
  navigation.markVisited(session.state.visited);

  for (const el of $$(root, "[data-block]")) {
    const rules = data.blocks.find((b) => b.id === el.id);
    if (rules) mountBlock(el, rules, data.blocks, ctx);
  }

  const switcher = $(root, "#sp-language");
  const select = $<HTMLSelectElement>(root, "#sp-language-select");
  if (switcher && select && data.packageLanguages.length > 1) {
    for (const code of data.packageLanguages)
      select.append(make(doc, "option", { value: code, lang: code, selected: code === data.unit.language }, options.languageNames[code] ?? code));
    select.addEventListener("change", () => options.onLanguage(select.value));
    switcher.hidden = false;
  }

  const exit = $<HTMLButtonElement>(root, "#sp-exit");
  const onExit = options.onExit;
  if (exit && onExit) {
    exit.hidden = false;
    exit.addEventListener("click", () => {
      exit.disabled = true;
      exit.textContent = data.ui.exiting;
      onExit();
    });
  }

  const setNotice = (text: string | undefined) => {
    if (!notice) return;
    notice.textContent = text ?? "";
    notice.hidden = !text;
  };
  setNotice(options.standalone ? data.ui.standaloneNotice : undefined);
  const savingNotice: Record<SaveStatus, string | undefined> = {
    saved: options.standalone ? data.ui.standaloneNotice : undefined,
    "on-device": data.ui.savedOffline,
    retrying: data.ui.savingFailed,
    "not-connected": data.ui.notConnected,
  };

  return {
    show: navigation.show,
    setSaving(status) {
      setNotice(savingNotice[status]);
      // Kept on this device is no cause for alarm; not kept anywhere is.
      notice?.classList.toggle("sp-notice-warning", status === "retrying" || status === "not-connected");
    },
    end(sent) {
      for (const el of $$(root, ".sp-header > :not(.sp-unit-title), #sp-notice, #sp-progress, #sp-menu, #sp-main, #sp-pager")) el.hidden = true;
      const title = make(doc, "h2", { id: "sp-ended-title", tabindex: "-1" }, data.ui.exitedTitle);
      const panel = make(doc, "section", { class: "sp-ended", "aria-labelledby": "sp-ended-title" });
      panel.append(title, make(doc, "p", {}, sent ? data.ui.exited : data.ui.exitedOffline));
      $(root, ".sp-header")!.after(panel);
      title.focus();
    },
    unmount: () => void stopNews(),
  };
}
