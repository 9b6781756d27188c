/**
 * A quiz attempt is stored as one small seed, not as a list of question ids: the questions drawn, their
 * order and each question's option order all follow from it. The same seed gives the same attempt in
 * every language and on every launch, so a resumed attempt looks exactly as it did.
 */

/** Seeds stay below 36^3, so one takes at most three characters in the saved state. */
export const SEED_LIMIT = 36 ** 3;

/** mulberry32: tiny, fast, good enough to shuffle cards; seeded so it repeats. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const mix = (seed: number, salt: number) => Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 1, 0xc2b2ae35);

/** Positions 0..n-1 in a seeded random order (Fisher–Yates). */
export function shuffledPositions(n: number, seed: number, salt: number): number[] {
  const random = seededRandom(mix(seed, salt));
  const out = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface DrawRules {
  questionCount: number;
  draw: number;
  shuffle: boolean;
}

/** The questions of an attempt, as positions in the bank, in the order shown. */
export function drawQuestions(rules: DrawRules, seed: number): number[] {
  const { questionCount, shuffle } = rules;
  const draw = Math.max(1, Math.min(rules.draw, questionCount));
  if (draw === questionCount && !shuffle) return Array.from({ length: questionCount }, (_, i) => i);
  const picked = shuffledPositions(questionCount, seed, 0).slice(0, draw);
  // Without shuffling, a drawn subset keeps the designer's order.
  return shuffle ? picked : picked.sort((a, b) => a - b);
}

/** The order a question's options are shown in (identity without shuffling). */
export function optionOrder(n: number, seed: number, questionPosition: number, shuffle: boolean): number[] {
  return shuffle ? shuffledPositions(n, seed, 1000 + questionPosition) : Array.from({ length: n }, (_, i) => i);
}

/** The order a sequencing question's steps start in: always shuffled, and never already right. */
export function sequenceStart(n: number, seed: number, questionPosition: number): number[] {
  const order = shuffledPositions(n, seed, 2000 + questionPosition);
  if (n > 1 && order.every((p, i) => p === i)) order.push(order.shift()!);
  return order;
}
