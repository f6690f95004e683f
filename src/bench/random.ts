/** A small seeded PRNG (mulberry32) and the draws the generator needs: same seed, same corpus. */

export type Random = () => number;

export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max]. */
export function int(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function pick<T>(random: Random, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[Math.floor(random() * items.length)]!;
}

/** Skewed towards the start of the list: some counterparts are met often, most rarely. */
export function pickSkewed<T>(random: Random, items: readonly T[]): T {
  const r = random();
  return items[Math.floor(r * r * items.length)]!;
}

/** n distinct items, in draw order. */
export function sample<T>(random: Random, items: readonly T[], n: number, draw: (r: Random, list: readonly T[]) => T = pick): T[] {
  const chosen = new Set<T>();
  const limit = Math.min(n, items.length);
  for (let guard = 0; chosen.size < limit && guard < limit * 50; guard++) chosen.add(draw(random, items));
  for (const item of items) if (chosen.size < limit) chosen.add(item);
  return [...chosen];
}

export function chance(random: Random, p: number): boolean {
  return random() < p;
}
