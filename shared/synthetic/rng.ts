// A small deterministic pseudo-random number generator for synthetic data.
//
// Synthetic data must be reproducible from a seed (same seed → same dataset, on every machine
// and Node version), so nothing in shared/synthetic may call Math.random. The generator is
// sfc32 ("Small Fast Counter", Chris Doty-Humphrey, PractRand): 128 bits of state, passes
// PractRand and BigCrush, and only needs 32-bit integer arithmetic, which JavaScript does
// exactly. The four state words are filled from the seed with splitmix32 so that nearby seeds
// (1, 2, 3 …) give unrelated streams. Not for anything security-related.

export type Rng = {
  /** A float in [0, 1) with 32 bits of randomness. */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** One value, with probability proportional to its weight. Weights must be ≥ 0, sum > 0. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** True with probability p (0 ≤ p ≤ 1). */
  chance(p: number): boolean;
  /** A shuffled copy (Fisher–Yates); the input is not modified. */
  shuffle<T>(items: readonly T[]): T[];
};

const UINT32 = 2 ** 32;

function splitmix32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Folds any safe integer (negative or above 2^32 too) into 32 bits without losing the high bits. */
function fold(seed: number): number {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`seed must be a safe integer, got ${seed}`);
  }
  const low = seed >>> 0;
  const high = Math.floor(seed / UINT32) >>> 0;
  return (low ^ Math.imul(high, 0x27d4eb2d)) >>> 0;
}

export function createRng(seed: number): Rng {
  const init = splitmix32(fold(seed));
  let a = init();
  let b = init();
  let c = init();
  let d = init();

  function next32(): number {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  }
  // Discard the first outputs, as sfc32's author recommends, so the state is well mixed.
  for (let i = 0; i < 12; i++) next32();

  const next = (): number => next32() / UINT32;

  const int = (min: number, max: number): number => {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
      throw new RangeError(`int(${min}, ${max}): need integers with min ≤ max`);
    }
    return min + Math.floor(next() * (max - min + 1));
  };

  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('pick from an empty array');
    return items[int(0, items.length - 1)] as T;
  };

  const weighted = <T>(entries: readonly (readonly [T, number])[]): T => {
    let total = 0;
    for (const [, weight] of entries) {
      if (!(weight >= 0) || !Number.isFinite(weight)) {
        throw new RangeError(`weights must be finite and ≥ 0, got ${weight}`);
      }
      total += weight;
    }
    if (total <= 0) throw new RangeError('weighted needs a positive total weight');
    let target = next() * total;
    for (const [value, weight] of entries) {
      if (target < weight) return value;
      target -= weight;
    }
    // Floating-point rounding can leave target a hair above the last weight.
    const last = [...entries].reverse().find(([, weight]) => weight > 0);
    return (last as readonly [T, number])[0];
  };

  const chance = (p: number): boolean => {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`chance(${p}): p must be in [0, 1]`);
    return next() < p;
  };

  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(0, i);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  };

  return { next, int, pick, weighted, chance, shuffle };
}

/**
 * A seed for an independent sub-stream, e.g. one per municipality, so that generating one
 * municipality on its own gives exactly what it gets inside the full national dataset.
 * FNV-1a over the label, mixed with the parent seed.
 */
export function deriveSeed({ seed, label }: { seed: number; label: string }): number {
  let hash = 0x811c9dc5 ^ fold(seed);
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return splitmix32(hash)();
}
