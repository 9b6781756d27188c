import type { PlayerData } from "../../shared/player-data.js";
import type { ResumeState } from "../../shared/tracking-types.js";
import { formatUi } from "../../shared/ui-strings.js";
import { $, make } from "../player/dom.js";
import { levelIndexOf, type GameNews } from "./game-rules.js";

/**
 * The header's points and level (#sp-status) and the badge shelf: every badge, earned or not yet, with
 * what it takes. A <details> element, so it opens with Enter or Space and needs no script to be accessible.
 */
export function mountStatusBar(root: HTMLElement, data: PlayerData, state: ResumeState, points: number, announce: (text: string) => void) {
  const doc = root.ownerDocument;
  const status = $(root, "#sp-status");
  const g = data.gamification;
  if (!status || (g.levels.length === 0 && g.badges.length === 0 && g.pointsPerPage === 0 && g.pointsPerReflection === 0)) {
    return { update() {} };
  }
  status.hidden = false;
  status.textContent = "";
  const pointsEl = make(doc, "span", { class: "sp-points" });
  const levelEl = make(doc, "span", { class: "sp-level" });
  status.append(pointsEl, levelEl);
  let summary: HTMLElement | undefined;
  let list: HTMLUListElement | undefined;
  if (g.badges.length) {
    const shelf = make(doc, "details", { class: "sp-badges" });
    summary = make(doc, "summary");
    list = make(doc, "ul", { class: "sp-badge-list" });
    shelf.append(summary, list);
    status.append(shelf);
  }

  const render = (points: number) => {
    pointsEl.textContent = formatUi(data.ui.points, { points });
    const level = g.levels[levelIndexOf(points, data)];
    levelEl.hidden = !level;
    if (level) levelEl.textContent = formatUi(data.ui.level, { level: level.name });
    if (!summary || !list) return;
    const earned = g.badges.filter((b) => state.badges.includes(b.id)).length;
    summary.textContent = formatUi(data.ui.badgesSummary, { earned, total: g.badges.length });
    list.textContent = "";
    for (const badge of g.badges) {
      const has = state.badges.includes(badge.id);
      const item = make(doc, "li", { class: has ? "sp-badge sp-earned" : "sp-badge" });
      if (badge.icon) item.append(make(doc, "img", { src: badge.icon, alt: "", class: "sp-badge-icon", width: "32", height: "32" }));
      const text = make(doc, "span");
      text.append(make(doc, "strong", {}, badge.name), ` ${badge.description} `, make(doc, "em", {}, has ? data.ui.badgeEarned : data.ui.badgeNotEarned));
      item.append(text);
      list.append(item);
    }
  };
  render(points);

  return {
    update(news: GameNews) {
      render(news.points);
      for (const id of news.newBadges) {
        const badge = g.badges.find((b) => b.id === id);
        if (badge) announce(formatUi(data.ui.newBadge, { badge: badge.name }));
      }
      const level = g.levels[news.levelIndex];
      if (news.levelUp && level) announce(formatUi(data.ui.levelUp, { level: level.name }));
    },
  };
}
