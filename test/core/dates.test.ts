import { findDates } from '../../src/core/search/dates';
import { tokensOf } from '../../src/core/search/tokens';

const months = (text: string): Array<number | undefined> => findDates(tokensOf(text)).map((d) => d.month);

describe('months in questions', () => {
  it('reads a short month after a word only a time follows ("in May", "since Feb")', () => {
    expect(months('Where did the ministers hold consultations in May?')).toEqual([5]);
    expect(months('what has trade been like since feb')).toEqual([2]);
    expect(months('who did he meet in mid-may')).toEqual([5]);
  });

  it('keeps "may" the verb, and a short month with a day or year', () => {
    expect(months('May I ask who he met?')).toEqual([]);
    expect(months('what they may sign next year')).toEqual([]);
    expect(months('talks on 3 may 2024')).toEqual([5]);
  });
});
