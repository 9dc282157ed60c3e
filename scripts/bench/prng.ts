/**
 * A small seeded random source for the synthetic atlas: mulberry32, plus the few draws the
 * generator needs. Deterministic across platforms (32-bit integer arithmetic only).
 */

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** An index drawn with the given (not necessarily normalized) weights. */
  weighted(weights: readonly number[]): number;
  /**
   * A Zipf-like rank in [0, n): rank r is drawn with probability about 1/((r+1)·ln(n+1)), so a
   * handful of ranks (the hubs) get most of the draws and the rest form a long tail.
   */
  zipf(n: number): number;
  /** Shuffles `items` in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[]): T[];
}

/** mulberry32: a 32-bit state, good enough statistically for test data and very fast. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted: (weights) => {
      let total = 0;
      for (const w of weights) total += w;
      let x = next() * total;
      for (let i = 0; i < weights.length; i++) {
        x -= weights[i]!;
        if (x < 0) return i;
      }
      return weights.length - 1;
    },
    zipf: (n) => {
      if (n <= 1) return 0;
      // Inverse CDF of the continuous 1/x law on [1, n+1): log-uniform, floored to a rank.
      const rank = Math.floor(Math.pow(n + 1, next())) - 1;
      return Math.min(rank, n - 1);
    },
    shuffle: (items) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [items[i], items[j]] = [items[j]!, items[i]!];
      }
      return items;
    },
  };
  return random;
}

/** Derives an independent stream for one purpose, so adding draws in one place does not shift every other. */
export function substream(seed: number, label: string): Random {
  let h = 2166136261 ^ seed;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 16777619);
  return mulberry32(h >>> 0);
}
