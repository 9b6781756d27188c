import { finalQuiz, type PlayerData } from "../../shared/player-data.js";

/**
 * The rules the build put beside the page: <script type="application/json" id="sp-data"> for the language
 * the page opens in, id="sp-data-<lang>" for each other language the package carries.
 */
export function readPlayerData(doc: Document, language?: string): PlayerData | undefined {
  const element = doc.getElementById(language ? `sp-data-${language}` : "sp-data");
  if (!element?.textContent) return undefined;
  return JSON.parse(element.textContent) as PlayerData;
}

/** The unit judged by the platform's pass mark (0–100) for its final quiz instead of its own. */
export function withPassMark(data: PlayerData, passMark: number): PlayerData {
  const quiz = finalQuiz(data);
  if (!quiz || quiz.passMark === passMark) return data;
  return { ...data, blocks: data.blocks.map((block) => (block === quiz ? { ...quiz, passMark } : block)) };
}

/** The language to open in: the learner's last choice, else their platform's preference, else the package's first. */
export function pickLanguage(available: readonly string[], ...wishes: (string | undefined)[]): string {
  for (const wish of wishes) {
    if (!wish) continue;
    const exact = available.find((l) => l.toLowerCase() === wish.toLowerCase());
    if (exact) return exact;
    const base = available.find((l) => l.split("-")[0] === wish.toLowerCase().split(/[-_]/)[0]);
    if (base) return base;
  }
  return available[0]!;
}

/** "lietuvių", "polski", "English": each language named in its own words, for the switch. */
export function languageNames(codes: readonly string[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const code of codes) {
    let name = code;
    try {
      name = new Intl.DisplayNames([code], { type: "language" }).of(code) ?? code;
    } catch {
      /* an engine without DisplayNames shows the code */
    }
    names[code] = name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  }
  return names;
}
