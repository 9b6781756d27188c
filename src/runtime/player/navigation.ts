import type { PlayerData } from "../../shared/player-data.js";
import { formatUi } from "../../shared/ui-strings.js";

export interface Navigation {
  current(): string;
  show(pageId: string, options?: { focus?: boolean }): void;
}

/**
 * One page at a time, with a menu, previous/next buttons and a progress bar. Without JavaScript every
 * page stays visible, so the content is never locked away.
 */
export function createNavigation(doc: Document, data: PlayerData, onShow: (pageId: string) => void): Navigation {
  const pageIds = data.pages.map((p) => p.id);
  const pages = new Map(pageIds.map((id) => [id, doc.querySelector<HTMLElement>(`[data-page="${CSS.escape(id)}"]`)!]));
  const links = [...doc.querySelectorAll<HTMLAnchorElement>("[data-page-link]")];
  const prev = doc.querySelector<HTMLButtonElement>('[data-action="prev"]')!;
  const next = doc.querySelector<HTMLButtonElement>('[data-action="next"]')!;
  const count = doc.getElementById("sp-page-count")!;
  const bar = doc.getElementById("sp-progress-bar")!;
  let currentId = pageIds[0]!;

  const show = (pageId: string, options: { focus?: boolean } = {}) => {
    if (!pages.has(pageId)) pageId = pageIds[0]!;
    currentId = pageId;
    const index = pageIds.indexOf(pageId);
    for (const [id, el] of pages) el.hidden = id !== pageId;
    for (const link of links) {
      if (link.dataset.pageLink === pageId) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    }
    prev.disabled = index === 0;
    next.textContent = index === pageIds.length - 1 ? data.ui.finish : data.ui.next;
    count.textContent = formatUi(data.ui.pageOf, { n: index + 1, total: pageIds.length });
    bar.style.width = `${Math.round(((index + 1) / pageIds.length) * 100)}%`;
    if (options.focus) doc.getElementById(`${pageId}-title`)?.focus();
    onShow(pageId);
  };

  for (const link of links)
    link.addEventListener("click", (event) => {
      event.preventDefault();
      show(link.dataset.pageLink!, { focus: true });
    });
  prev.addEventListener("click", () => show(pageIds[Math.max(0, pageIds.indexOf(currentId) - 1)]!, { focus: true }));
  next.addEventListener("click", () => show(pageIds[Math.min(pageIds.length - 1, pageIds.indexOf(currentId) + 1)]!, { focus: true }));
  doc.getElementById("sp-pager")!.hidden = false;
  doc.getElementById("sp-progress")!.hidden = false;
  return { current: () => currentId, show };
}
