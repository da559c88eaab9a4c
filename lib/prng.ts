// A small seeded PRNG (mulberry32) so demo data and test data are the same on every machine.
export interface Rng {
  next: () => number; // [0, 1)
  int: (min: number, max: number) => number; // inclusive
  pick: <T>(items: readonly T[]) => T;
  normal: (mean?: number, sd?: number) => number;
  chance: (p: number) => boolean;
}

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (mean = 0, sd = 1) => {
    const u = 1 - next();
    const v = next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    normal,
    chance: (p) => next() < p,
  };
}
