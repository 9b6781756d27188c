import type { PlayerData } from "../../shared/player-data.js";
import { NOTEBOOK_PAGE } from "../../shared/state/state-codec.js";
import { formatUi } from "../../shared/ui-strings.js";
import { $, $$, focusQuietly } from "./dom.js";

export interface Navigation {
  current(): string;
  show(pageId: string, options?: { focus?: boolean }): void;
  /** Marks pages seen in the menu and moves the progress bar. */
  markVisited(visited: readonly string[]): void;
}

/**
 * One page at a time, with a menu, previous/next buttons and a progress bar. Without JavaScript every
 * page stays visible, so the content is never locked away. "My notebook" comes after the last page.
 */
export function createNavigation(root: HTMLElement, data: PlayerData, onShow: (pageId: string) => void): Navigation {
  const doc = root.ownerDocument;
  const sectionIds = data.pages.map((p) => p.id);
  const pageIds = [...sectionIds, NOTEBOOK_PAGE];
  const pages = new Map(pageIds.map((id) => [id, $<HTMLElement>(root, `[data-page="${CSS.escape(id)}"]`)]));
  const links = $$<HTMLAnchorElement>(root, "[data-page-link]");
  const prev = $<HTMLButtonElement>(root, '[data-action="prev"]')!;
  const next = $<HTMLButtonElement>(root, '[data-action="next"]')!;
  const count = $(root, "#sp-page-count")!;
  const bar = $(root, "#sp-progress-bar")!;
  const menu = $(root, "#sp-menu")!;
  const toggle = $<HTMLButtonElement>(root, "#sp-menu-toggle")!;
  let currentId = sectionIds[0]!;

  const setMenuOpen = (open: boolean) => {
    menu.classList.toggle("sp-open", open);
    toggle.setAttribute("aria-expanded", String(open));
  };

  const show = (pageId: string, options: { focus?: boolean } = {}) => {
    if (!pages.get(pageId)) pageId = sectionIds[0]!;
    currentId = pageId;
    const index = pageIds.indexOf(pageId);
    for (const [id, el] of pages) if (el) el.hidden = id !== pageId;
    for (const link of links) {
      if (link.dataset.pageLink === pageId) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    }
    const onNotebook = pageId === NOTEBOOK_PAGE;
    prev.disabled = index === 0;
    next.hidden = onNotebook;
    next.textContent = index === sectionIds.length - 1 ? data.ui.finish : data.ui.next;
    count.textContent = onNotebook ? data.ui.notebook : formatUi(data.ui.pageOf, { n: index + 1, total: sectionIds.length });
    setMenuOpen(false);
    if (options.focus) {
      doc.defaultView?.scrollTo(0, 0);
      focusQuietly($(root, `#${CSS.escape(pageId)}-title`));
    }
    onShow(pageId);
  };

  for (const link of links)
    link.addEventListener("click", (event) => {
      event.preventDefault();
      show(link.dataset.pageLink!, { focus: true });
    });
  prev.addEventListener("click", () => show(pageIds[Math.max(0, pageIds.indexOf(currentId) - 1)]!, { focus: true }));
  next.addEventListener("click", () => show(pageIds[Math.min(pageIds.length - 1, pageIds.indexOf(currentId) + 1)]!, { focus: true }));
  toggle.hidden = false;
  toggle.addEventListener("click", () => setMenuOpen(!menu.classList.contains("sp-open")));
  root.classList.add("sp-enhanced");
  $(root, "#sp-pager")!.hidden = false;
  $(root, "#sp-progress")!.hidden = false;

  return {
    current: () => currentId,
    show,
    markVisited(visited) {
      for (const link of links) link.classList.toggle("sp-visited", visited.includes(link.dataset.pageLink!));
      const seen = sectionIds.filter((id) => visited.includes(id)).length;
      bar.style.width = `${Math.round((seen / sectionIds.length) * 100)}%`;
    },
  };
}
