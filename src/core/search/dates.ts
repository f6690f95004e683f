/**
 * Dates a question names — "in March 2024", "28 February", "2024-02-28", "в октябре 2023" —
 * so that a question can narrow to the releases of that date.
 */
import type { Token } from './tokens';
import { monthNumber, monthWords } from '../text/months';

export interface DateMention {
  year?: number;
  month?: number; // 1-12
  day?: number;
  /** Token positions it covers. */
  positions: number[];
  text: string;
}

function monthOf(word: string): number | undefined {
  // "may" / "ма" (Russian) need the whole word: monthNumber does that.
  return monthNumber(word);
}

const isYear = (w: string): boolean => /^(19|20)\d\d$/.test(w);
const isDay = (w: string): boolean => /^\d{1,2}$/.test(w) && Number(w) >= 1 && Number(w) <= 31;
/** Words after which a short month is the month: "in May" (never the verb), "since Feb", "mid-May". */
const MONTH_AFTER = new Set(['in', 'since', 'until', 'till', 'during', 'early', 'late', 'mid', 'last', 'next', 'of']);

export function findDates(tokens: readonly Token[]): DateMention[] {
  const words = tokens.map((t) => t.norm);
  const found: DateMention[] = [];
  const used = new Set<number>();
  const add = (m: Omit<DateMention, 'text'>): void => {
    m.positions.forEach((p) => used.add(p));
    found.push({ ...m, text: m.positions.map((p) => tokens[p]!.raw).join(' ') });
  };
  for (let i = 0; i < words.length; i++) {
    if (used.has(i)) continue;
    const w = words[i]!;
    // 2024-02-28 / 2024 02 28
    if (isYear(w) && /^\d{1,2}$/.test(words[i + 1] ?? '') && isDay(words[i + 2] ?? '') && Number(words[i + 1]) <= 12) {
      add({ year: Number(w), month: Number(words[i + 1]), day: Number(words[i + 2]), positions: [i, i + 1, i + 2] });
      continue;
    }
    // 28.02.2024
    if (isDay(w) && /^\d{1,2}$/.test(words[i + 1] ?? '') && Number(words[i + 1]) <= 12 && isYear(words[i + 2] ?? '')) {
      add({ day: Number(w), month: Number(words[i + 1]), year: Number(words[i + 2]), positions: [i, i + 1, i + 2] });
      continue;
    }
    const month = monthOf(w);
    // "may" alone is a verb, "mar" and "jan" may be words: a month of three letters needs a day or a year beside
    // it, or a word before it that only a time follows ("in May", "since Feb").
    const prev = words[i - 1] ?? '';
    if (month && (w.length > 3 || isDay(prev) || isDay(words[i + 1] ?? '') || isYear(words[i + 1] ?? '') || MONTH_AFTER.has(prev))) {
      const positions = [i];
      const mention: Omit<DateMention, 'text'> = { month, positions };
      if (isDay(words[i - 1] ?? '') && !used.has(i - 1)) {
        mention.day = Number(words[i - 1]);
        positions.unshift(i - 1);
      } else if (isDay(words[i + 1] ?? '') && !isYear(words[i + 1] ?? '')) {
        mention.day = Number(words[i + 1]);
        positions.push(i + 1);
      }
      const after = positions[positions.length - 1]! + 1;
      if (isYear(words[after] ?? '')) {
        mention.year = Number(words[after]);
        positions.push(after);
      }
      add(mention);
      continue;
    }
    if (isYear(w)) add({ year: Number(w), positions: [i] });
  }
  return found;
}

/** Does an ISO date (YYYY-MM-DD) fall within what the mention names? */
export function dateMatches(iso: string, m: DateMention): boolean {
  const [y, mo, d] = iso.split('-').map(Number);
  return (m.year === undefined || m.year === y) && (m.month === undefined || m.month === mo) && (m.day === undefined || m.day === d);
}

/** Does a fact's "when" ("July 2024", "October 2023") fit what the mention names? */
export function whenMatches(when: string, m: DateMention): boolean {
  const text = when.toLowerCase();
  const monthOk = m.month === undefined || monthWords(m.month).some((name) => name.length > 2 && text.includes(name));
  const yearOk = m.year === undefined || text.includes(String(m.year));
  return monthOk && yearOk;
}
