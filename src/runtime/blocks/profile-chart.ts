import type { BlockRulesOf } from "../../shared/player-data.js";
import { make } from "../player/dom.js";

const SVG = "http://www.w3.org/2000/svg";
type Rules = BlockRulesOf<"selfAssessment">;

export interface ProfileSeries {
  label: string;
  className: string;
  values: (number | null)[];
}

function svgEl(doc: Document, tag: string, attributes: Record<string, string | number>): SVGElement {
  const el = doc.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, String(value));
  return el;
}

/**
 * The learner's profile as a bar chart (one row per statement, a bar per series) and the same numbers in a
 * table, which is what screen readers use: the chart is hidden from them. Colours come from CSS classes;
 * geometry is SVG attributes, so the CSP's ban on inline styles holds.
 */
export function renderProfile(doc: Document, rules: Rules, statements: string[], series: ProfileSeries[], captions: { chart: string; statement: string }): HTMLElement {
  const wrap = make(doc, "div", { class: "sp-profile" });
  const max = Math.max(...rules.scale.map((s) => s.value));
  const min = Math.min(0, ...rules.scale.map((s) => s.value));
  const barH = 14;
  const rowH = series.length * barH + 14;
  const labelW = 28;
  const width = 320;
  const height = statements.length * rowH + 8;
  const svg = svgEl(doc, "svg", { viewBox: `0 0 ${width} ${height}`, class: "sp-chart", "aria-hidden": "true", focusable: "false" });
  statements.forEach((_, row) => {
    const y = row * rowH + 4;
    const label = svgEl(doc, "text", { x: 0, y: y + rowH / 2, class: "sp-chart-label", "dominant-baseline": "middle" });
    label.textContent = String(row + 1);
    svg.append(label);
    svg.append(svgEl(doc, "line", { x1: labelW, x2: labelW, y1: y, y2: y + rowH - 6, class: "sp-chart-axis" }));
    series.forEach((s, i) => {
      const value = s.values[row];
      if (value === null || value === undefined) return;
      const w = Math.max(2, ((value - min) / (max - min || 1)) * (width - labelW - 8));
      svg.append(svgEl(doc, "rect", { x: labelW, y: y + i * barH, width: w.toFixed(1), height: barH - 3, rx: 2, class: `sp-bar ${s.className}` }));
    });
  });
  const legend = make(doc, "p", { class: "sp-legend", "aria-hidden": "true" });
  for (const s of series) {
    const key = make(doc, "span", { class: `sp-key ${s.className}` });
    legend.append(key, ` ${s.label} `);
  }
  const labelOf = (value: number | null | undefined) => {
    if (value === null || value === undefined) return "–";
    const point = rules.scale.find((p) => p.value === value);
    return point ? `${value} – ${point.label}` : String(value);
  };
  const table = make(doc, "table", { class: "sp-profile-table" });
  table.append(make(doc, "caption", {}, captions.chart));
  const head = make(doc, "tr");
  head.append(make(doc, "th", { scope: "col" }, "#"), make(doc, "th", { scope: "col" }, captions.statement));
  for (const s of series) head.append(make(doc, "th", { scope: "col" }, s.label));
  const thead = make(doc, "thead");
  thead.append(head);
  const tbody = make(doc, "tbody");
  statements.forEach((text, row) => {
    const tr = make(doc, "tr");
    tr.append(make(doc, "td", {}, String(row + 1)), make(doc, "th", { scope: "row" }, text));
    for (const s of series) tr.append(make(doc, "td", {}, labelOf(s.values[row])));
    tbody.append(tr);
  });
  table.append(thead, tbody);
  wrap.append(svg, legend, table);
  return wrap;
}
