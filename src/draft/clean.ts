/**
 * Scraper debris out, words kept: a release as scraped carries share buttons
 * ("Tell a friend"), a date line, runs of blank lines and stray spaces. What is left
 * is the release's own text, one paragraph per block, which every quote is then cut from.
 */

export interface CleanText {
  /** The paragraphs, in order; a paragraph's lines are joined with one space. */
  paragraphs: string[];
  /** The date the debris gave (a "date 2024-02-28" line), as YYYY-MM-DD. */
  date?: string;
  /** What was removed, for the moderator's report. */
  removed: string[];
  /** Blank lines beyond the one that separates two paragraphs. */
  blankLines: number;
}

// Share buttons, navigation and counters that scrapers pick up around a release.
const DEBRIS_PHRASES = [
  'tell a friend',
  'print version',
  'print',
  'share this',
  'share',
  'back to list',
  'back',
  'subscribe',
  'read more',
  'copy link',
  'send by email',
  'e-mail',
  'email',
  'facebook',
  'twitter',
  'telegram',
  'whatsapp',
  'vkontakte',
  'linkedin',
];

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(?:${MONTHS.join('|')}|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.?`;

/** A date as written: 2024-02-28, 28 February 2024, February 28, 2024, 28.02.2024. */
export const DATE_PATTERN = new RegExp(
  `\\b(\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\.\\d{1,2}\\.\\d{4}|\\d{1,2} ${MONTH},? \\d{4}|${MONTH} \\d{1,2},? \\d{4})\\b`,
  'i',
);

/** Parses a date written in one of DATE_PATTERN's forms into YYYY-MM-DD; undefined if it is not a real date. */
export function parseDate(written: string): string | undefined {
  const text = written.trim().toLowerCase().replace(/,/g, '');
  let y: number, m: number, d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2}) ([a-z]+)\.? (\d{4})$/.exec(text))) [d, m, y] = [Number(match[1]), monthNumber(match[2]!), Number(match[3])];
  else if ((match = /^([a-z]+)\.? (\d{1,2}) (\d{4})$/.exec(text))) [m, d, y] = [monthNumber(match[1]!), Number(match[2]), Number(match[3])];
  else return undefined;
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso) ? iso : undefined;
}

function monthNumber(word: string): number {
  return MONTHS.findIndex((name) => name.startsWith(word.slice(0, 3))) + 1;
}

/** The first date the text gives, as YYYY-MM-DD. */
export function findDate(text: string): string | undefined {
  const pattern = new RegExp(DATE_PATTERN.source, 'gi');
  for (const match of text.matchAll(pattern)) {
    const iso = parseDate(match[1]!);
    if (iso) return iso;
  }
  return undefined;
}

/**
 * A line that is only debris: share buttons, and a date with or without a "date" /
 * "published" label. Returns the date it held, or '' for debris without a date;
 * undefined when the line has words of the release.
 */
function debrisLine(line: string): string | undefined {
  let rest = ` ${line.toLowerCase()} `;
  for (const phrase of DEBRIS_PHRASES) rest = rest.split(` ${phrase} `).join('  ');
  let date = '';
  rest = rest.replace(new RegExp(DATE_PATTERN.source, 'gi'), (written) => {
    date ||= parseDate(written) ?? '';
    return ' ';
  });
  // A time next to the date ("14:35") and the labels scrapers print before it.
  rest = rest.replace(/\b\d{1,2}:\d{2}\b/g, ' ').replace(/\b(date|published|posted|updated|views?)\b:?/g, ' ');
  if (rest.replace(/[\s|•·:,\-–—]+/g, '') !== '') return undefined;
  return date;
}

/** Non-breaking and zero-width spaces, tabs: whatever the page used, one plain space. */
function tidyLine(line: string): string {
  return line
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

export function cleanRelease(raw: string): CleanText {
  const removed: string[] = [];
  let date: string | undefined;
  const lines = raw.replace(/\r\n?/g, '\n').split('\n').map(tidyLine);
  const kept: string[] = [];
  for (const line of lines) {
    if (!line) {
      kept.push('');
      continue;
    }
    const debris = debrisLine(line);
    if (debris === undefined) {
      kept.push(line);
      continue;
    }
    removed.push(line);
    date ??= debris || undefined;
  }
  // Blank lines separate paragraphs. A text without any (one paragraph per line) keeps its lines as paragraphs.
  const hasBlankSeparators = /\S\n\n+\S/.test(kept.join('\n'));
  const blocks = hasBlankSeparators ? kept.join('\n').split(/\n{2,}/) : kept;
  const paragraphs = blocks.map((b) => b.split('\n').map((l) => l.trim()).filter(Boolean).join(' ')).filter(Boolean);
  const blankLines = Math.max(0, kept.filter((l) => !l).length - (hasBlankSeparators ? paragraphs.length - 1 : 0));
  return { paragraphs, ...(date ? { date } : {}), removed, blankLines };
}

/** The release text file: paragraphs separated by one blank line. */
export function releaseText(paragraphs: readonly string[]): string {
  return `${paragraphs.join('\n\n')}\n`;
}
