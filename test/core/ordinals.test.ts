/** Ordinals: the round a question names, and sentences about another one. */
import { ordinalOf, saysAnotherOrdinal } from '../../src/core/text/ordinals';

describe('ordinals', () => {
  it.each([
    ['4th', 4],
    ['fourth', 4],
    ['first', 1],
    ['twelfth', 12],
    ['четвертого', 4],
    ['round', undefined],
    ['2024', undefined],
  ])('%s → %s', (word, n) => {
    expect(ordinalOf(word)).toBe(n);
  });

  it('finds a sentence about another round, and lets one about the round asked (or none) through', () => {
    expect(saysAnotherOrdinal('The previous, second round was held in Nur-Sultan in 2019.', 4)).toBe(true);
    expect(saysAnotherOrdinal('The fourth round will be held in Astana in 2026.', 4)).toBe(false);
    expect(saysAnotherOrdinal('The next round will be held in Astana.', 4)).toBe(false);
  });
});
