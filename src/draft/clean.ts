/**
 * Scraper debris out, words kept: a release as scraped carries share buttons
 * ("Tell a friend"), a date line, a byline, runs of blank lines and stray spaces, and
 * often a headline and an agency dateline ("ASTANA. KAZINFORM –", "BAKU, Azerbaijan,
 * October 5."). The headline becomes the title and the dateline the release's metadata
 * (place, day, agency); neither is left to open the first sentence. Hard-wrapped lines are
 * joined back into paragraphs. What is left is the release's own text, one paragraph per
 * block, which every quote is then cut from.
 */
import { MONTH_FORMS_EN, MONTH_PATTERN_EN, monthNumber } from '../core/text/months';
import { listItemNumber } from '../core/text/normalize';

export interface CleanText {
  /** The paragraphs, in order; a paragraph's lines are joined with one space. */
  paragraphs: string[];
  /** The date the debris gave (a "date 2024-02-28" line), as YYYY-MM-DD. */
  date?: string;
  /** A date line without a year ("14 November, 16:05"): its day and month. */
  dayMonth?: DayMonth;
  /** A page's stamp that may be read day first or month first ("11/02/2025 19:34"): both dates; the dateline's day decides. */
  dateReadings?: string[];
  /** The headline: a first line without a full stop, set apart from the text. */
  title?: string;
  /** The agency dateline the first paragraph opened with, taken out of the text. */
  dateline?: Dateline;
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
  'go to the main site',
  'main site',
  'photo',
  'video',
  'press releases',
  'press release',
  'news',
  'follow us on telegram',
  'all news',
];

/** An agency dateline: "ASTANA. KAZINFORM –", "Astana. May 30. KazTAG –", "(MENAFN- Trend) BAKU, Azerbaijan, October 5.". */
export interface Dateline {
  /** As written, e.g. "ASTANA. KAZINFORM –". */
  text: string;
  /** The city, as written ("NUR-SULTAN", "Astana"). */
  place: string;
  /** The country after the city, when written ("BAKU, Azerbaijan"). */
  country?: string;
  month?: number;
  day?: number;
  year?: number;
  agency?: string;
}

// (And a Russian page's date line: "26 ноября 2021, 17:20".)
const MONTH = `(?:${MONTH_PATTERN_EN}|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)`;

/** A date as written: 2024-02-28, 28 February 2024, February 28, 2024, 28.02.2024, 28-02-2024 (day first, as Kabar's pages). */
// (A day may be a range: "held on August 29-30, 2024", "on 29–30 August 2024" — its last day.)
export const DATE_PATTERN = new RegExp(
  `\\b(\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[.-]\\d{1,2}[.-]\\d{4}|(?:\\d{1,2}[–-])?\\d{1,2} ${MONTH},? \\d{4}|${MONTH} (?:\\d{1,2}[–-])?\\d{1,2},? \\d{4})\\b`,
  'i',
);

/** Parses a date written in one of DATE_PATTERN's forms into YYYY-MM-DD; undefined if it is not a real date. */
export function parseDate(written: string): string | undefined {
  const plain = written.trim().toLowerCase().replace(/,/g, '');
  // ("29-30 august 2024": the range's last day; an ISO date has no range.)
  const text = /^\d{4}-|^\d{1,2}-\d{1,2}-\d{4}$/.test(plain) ? plain : plain.replace(/\b\d{1,2}[–-](\d{1,2})\b/, '$1');
  let y: number, m: number, d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})([.-])(\d{1,2})\2(\d{4})$/.exec(text))) [d, m, y] = [Number(match[1]), Number(match[3]), Number(match[4])];
  else if ((match = /^(\d{1,2}) (\p{L}+)\.? (\d{4})$/u.exec(text))) [d, m, y] = [Number(match[1]), monthNumber(match[2]!) ?? 0, Number(match[3])];
  else if ((match = /^([a-z]+)\.? (\d{1,2}) (\d{4})$/.exec(text))) [m, d, y] = [monthNumber(match[1]!) ?? 0, Number(match[2]), Number(match[3])];
  else return undefined;
  return isoDate(y, m, d);
}

/** YYYY-MM-DD from parts, or undefined when they make no real date. */
export function isoDate(y: number, m: number, d: number): string | undefined {
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso) ? iso : undefined;
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

// ("14/11/2023 16:05 GMT+7": and the clock's zone.)
const STAMP = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?\s*(AM|PM)?(?:\s*\(?(?:GMT|UTC)\s*(?:[+−-]\s*\d{1,2}(?::\d{2})?)?\)?)?)?$/i;

/** Both dates a stamp may be ("11/02/2025": 11 February or 2 November), when nothing in it says which. */
function stampReadings(line: string): string[] {
  const stamp = STAMP.exec(line);
  if (!stamp || stamp[4] !== undefined) return [];
  const [a, b, y] = [Number(stamp[1]), Number(stamp[2]), Number(stamp[3])];
  return a <= 12 && b <= 12 ? [isoDate(y, b, a), isoDate(y, a, b)].filter((d): d is string => d !== undefined) : [];
}

/** A byline with its section and date: "By Madina Serikbayeva in Diplomacy on 12 March 2025", "By Madina Seitkali · 29 November 2023". */
const BYLINE = /^By \p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){0,3}(?: in [\p{L} &]{2,40}?)?(?:(?: on |\s*[·•|,–—]\s*)(.+))?$/u;

/**
 * A line that is only debris: share buttons, and a date with or without a "date" /
 * "published" label. Returns the date it held, or '' for debris without a date;
 * undefined when the line has words of the release.
 */
function debrisLine(line: string): string | undefined {
  // A line of the page's fields: "Source: Xinhua | 2021-03-18 20:41:07 | Editor: huaxia", "By Dana Omarova in Aktau | Nation |
  // 17 May 2023" — debris when every field is, or is a name or a section's label beside a date; the date is the page's.
  const fields = line.split(/\s*\|\s*/).filter(Boolean);
  if (fields.length >= 2) {
    const read = fields.map((f) => debrisLine(f));
    const date = read.find(Boolean);
    const label = (f: string) => isByline(f) || (/^\p{L}[\p{L} &-]{0,30}$/u.test(f) && f.split(/\s+/).length <= 3);
    if (read.every((r, i) => r !== undefined || (date && label(fields[i]!)))) return date ?? '';
  }
  // A page's text-size widget: "[Font size: A A A]".
  if (/^\[?(?:font size|text size|размер шрифта)\s*:?(?:\s*[AaАа][+-]?)*\]?$/iu.test(line)) return '';
  // A scraper's own line: "date 2022-03-11 Qazaq TV <site name>": the label and the date say it is not the release's.
  // A photo credit: "Photo source: picture from the open source", "Photo: Kazinform".
  if (/^(?:photos?|video|image|pictures?)(?: (?:source|credit|courtesy)s?)?\s*:/i.test(line)) return '';
  // The page around it: "Read also: <another story's headline>", "Tags: OIC, Somalia", "Subscribe to Kazinform on Telegram".
  if (/^(?:read also|also read|read more|see also|related(?: news| stories| articles)?|more on the topic|tags?|keywords|читайте также|теги)\s*:/iu.test(line))
    return '';
  if (/^(?:subscribe to|follow (?:us|the author) on|join us on|подписывайтесь на)\b.{0,60}$/iu.test(line) && !/[.!?]$/.test(line)) return '';
  const scraped = /^(?:date|published|posted)\s*:?\s*(\d{4}-\d{2}-\d{2})\b/i.exec(line);
  if (scraped) return parseDate(scraped[1]!) ?? '';
  // A wire's timestamp: "5/16/2024 3:11:47 AM" (MENAFN). Month first with a 12-hour clock, or where the day is over 12.
  const stamp = STAMP.exec(line);
  if (stamp) {
    const [a, b, y] = [Number(stamp[1]), Number(stamp[2]), Number(stamp[3])];
    const monthFirst = b > 12 || (a <= 12 && stamp[4] !== undefined);
    const dayFirst = a > 12;
    return monthFirst ? (isoDate(y, a, b) ?? '') : dayFirst ? (isoDate(y, b, a) ?? '') : '';
  }
  // A wire service's labels: "Source: Xinhua", "Editor: Chen Lu" — or the label alone on its line ("Автор:"), the name below it.
  if (
    /^(?:source|editor|author|reporter|correspondent|written by|edited by|автор|источник|редактор|корреспондент)\s*:(?:\s*\S.{0,60})?$/iu.test(line) &&
    !/[.!?]$/.test(line)
  )
    return '';
  // A byline with its section and date: "By Madina Serikbayeva in Diplomacy on 12 March 2025".
  const byline = BYLINE.exec(line);
  if (byline && !byline[1]) return '';
  const bylineDate = byline?.[1] ? parseDate(byline[1]) : undefined;
  if (bylineDate) return bylineDate;
  // (A label's colon is no word: "Share this:", "Print version:".)
  let rest = ` ${line.toLowerCase().replace(/(\p{L}):(?=\s|$)/gu, '$1 ')} `;
  for (const phrase of DEBRIS_PHRASES) rest = rest.split(` ${phrase} `).join('  ');
  let date = '';
  rest = rest.replace(new RegExp(DATE_PATTERN.source, 'gi'), (written) => {
    date ||= parseDate(written) ?? '';
    return ' ';
  });
  // A time next to the date ("14:35"), the labels scrapers print before it, and a weekday ("Thursday, 26 February 2026").
  rest = rest
    // ("1 June 2022 11:05 (UTC +04:00)": the clock's zone.)
    .replace(/\(?\b(?:utc|gmt)\s*(?:[+−-]\s*\d{1,2}(?::\d{2})?)?\)?/g, ' ')
    .replace(/\b\d{1,2}:\d{2}(?::\d{2})?\b/g, ' ')
    .replace(/\b(?:views?|comments?)\b:?\s*\d[\d, ]*/g, ' ') // "| Views: 412", "Views: 18 412   Comments: 57"
    .replace(/\p{Extended_Pictographic}\uFE0F?\s*\d[\d,]*/gu, ' ') // "• 👁 873"
    .replace(/\b(date of publication|date|published|posted|updated?|views?|publication)\b\s*:?(?:\s*on\b)?/g, ' ')
    .replace(/\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/g, date ? ' ' : '$&');
  // (Brackets around what was taken out: "18:21 GMT 09.04.2024 (Updated: 19:02 GMT 09.04.2024)".)
  if (rest.replace(/[\s|•·:,/\-–—()]+/g, '') !== '') return undefined;
  return date;
}

/** A day and month written without a year ("3 October", "Oct. 3"), and the words that gave them. */
export interface DayMonth {
  month: number;
  day: number;
  text: string;
}

/**
 * The day and month `before` and `after` (regular-expression sources) frame in the text: a date line alone
 * ("14 November, 16:05": `^` … `$` with the time) or an opening ("On 22 April, …": `^On ` … `\\b`).
 */
export function dayMonthIn(text: string, before: string, after: string): DayMonth | undefined {
  const m = new RegExp(`${before}(?:(\\d{1,2}) (${MONTH})|(${MONTH}) (\\d{1,2}))${after}`, 'i').exec(text);
  if (!m) return undefined;
  const month = monthNumber((m[2] ?? m[3])!.replace(/\.$/, ''));
  const day = Number(m[1] ?? m[4]);
  return month && day >= 1 && day <= 31 ? { month, day, text: m[0] } : undefined;
}

/** "3 October", "14 November, 16:05", "Oct. 3", "Published: 26 November, 15:40": a date line without a year — its day and month. */
const dayMonthLine = (line: string): DayMonth | undefined =>
  // ("18 November 14:27 (UTC +04:00)": and the clock's zone.) (Not "Updated: …": the day it changed, not the release's.)
  dayMonthIn(
    line,
    '^(?:(?:published|posted|date)\\s*:?\\s*)?',
    '\\.?(?:,? \\d{1,2}:\\d{2})?(?:\\s*\\(?(?:UTC|GMT)(?:\\s*[+−-]\\s*\\d{1,2}(?::\\d{2})?)?\\)?)?(?:\\s*[·|•,]\\s*(?:views?:?\\s*)?\\d[\\d ,]*(?:\\s*views?)?)?$',
  );

/** Non-breaking and zero-width spaces, tabs: whatever the page used, one plain space. */
function tidyLine(line: string): string {
  return line
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** A wire's end mark, or an e-mail address alone on its line. */
const WIRE_END = /^(?:[-–—]{1,2}\s*)?\(ends?\)(?:\s+[\w./-]{1,20})?$|^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/i;

/** A line that ends a sentence (or a paragraph): a full stop, a question or exclamation mark, a colon, maybe a closing quote. */
const ENDS_SENTENCE = /[.!?:;]["”»’)]*$/u;

/** "Adlet Seilkhanov": two or three capitalized words alone on a line, no verb, no punctuation — a byline. */
function isByline(line: string): boolean {
  return /^\p{Lu}\p{Ll}+(?:[- ]\p{Lu}\p{Ll}+){1,2}$/u.test(line);
}

/** A month as a dateline writes it ("May", "OCTOBER", "Sept."), without the `i` flag that would blur \\p{Lu}. */
const DATELINE_MONTH = `(?:${MONTH_FORMS_EN.flat()
  .sort((a, b) => b.length - a.length)
  .flatMap((f) => [f.toUpperCase(), f[0]!.toUpperCase() + f.slice(1)])
  .join('|')})\\.?`;
const AGENCY = `(?:\\p{Lu}[\\p{L}]*(?:[ -]\\p{Lu}[\\p{L}]*){0,2})`;
const DATELINE = new RegExp(
  [
    `^(?:\\((?<prefix>[^)]{2,60})\\)\\s*)?`,
    // The city: capitals ("NUR-SULTAN", "HO CHI MINH CITY") or a capitalized word or two ("Astana") — after its
    // spelling in another script, if the agency writes both ("ТАШКЕНТ/TASHKENT", "ӨСКЕМЕН / UST-KAMENOGORSK").
    `(?:\\p{Lu}[\\p{L}'’-]* ?\\/ ?)?(?<place>\\p{Lu}[\\p{L}'’-]*(?: \\p{Lu}[\\p{L}'’-]*){0,3})`,
    // ", Kazakhstan"
    // (Not a month: "ASTANA, Oct. 22 –".)
    `(?:, (?!${DATELINE_MONTH}[ \\d])(?<country>\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+)?))?`,
    // ", October 5" / ". May 30" / ", 21 January 2024"
    `(?:[.,] (?:(?<month>${DATELINE_MONTH}) (?<day>\\d{1,2})|(?<day2>\\d{1,2}) (?<month2>${DATELINE_MONTH}))(?:,? (?<year>\\d{4}))?)?`,
    // " (Kazinform)" / ". KAZINFORM" / ". KazTAG"
    // (". Trend:" — the agency with a colon, the text in the next paragraph.)
    // ("MOSCOW, October 12. /TASS/." — the agency between slashes.)
    `(?: \\((?<agency>[^)]{2,40})\\)|[.,] (?<agency2>${AGENCY})(?= [–—-]|:)|[.,] \\/(?<agency3>\\p{Lu}[\\p{L}-]{1,20})\\/)?`,
    // " –" or "." before the first sentence (a hyphen needs a space before it: "NUR-SULTAN" is one word),
    // or the end of a paragraph that is only the dateline ("NUR-SULTAN –" on a line of its own)
    // ("KUALA LUMPUR, June 12 (Xinhua) --": Xinhua's double hyphen.)
    // ("SKOPJE, North Macedonia" on a line of its own, the text in the next paragraph: checked below.)
    `(?<end> (?:--|[–—-]) ?|[–—] ?|\\. |, |: ?|(?<=\\d{4})$|$)(?=\\p{Lu}|\\p{N}|$)`,
  ].join(''),
  'u',
);

/** The dateline a first paragraph opens with, if it has one: returned with the rest of the paragraph. */
export function splitDateline(written: string): { dateline: Dateline; rest: string } | undefined {
  const paragraph = unbracketed(written);
  const m = DATELINE.exec(paragraph);
  if (!m?.groups) return undefined;
  const g = m.groups;
  // (A paragraph that is only a place is a dateline when it is the city and its country: "SKOPJE, North Macedonia".)
  if (g['end'] === '' && !g['year'] && !g['country']) return undefined;
  const place = g['place']!;
  const monthWord = g['month'] ?? g['month2'];
  const agency = g['agency'] ?? g['agency2'] ?? g['agency3'] ?? g['prefix']?.replace(/^[^\p{L}]*(?:MENAFN[-– ]*)?/u, '').trim();
  const capitals = place === place.toUpperCase() && /\p{Lu}{3}/u.test(place);
  // (Three words or four only in capitals: "Deputy Foreign Minister Vassilenko, May 3 …" opens a sentence.)
  if (place.split(' ').length > 2 && !capitals) return undefined;
  // A sentence may open with a capitalized word and a comma; a dateline has capitals, a date or an agency, and a dash or a full stop.
  if (!capitals && !monthWord && !agency) return undefined;
  if (!capitals && !monthWord && !/[–—-]/.test(g['end']!)) return undefined;
  if (g['end'] === ', ' && !monthWord) return undefined;
  const day = Number(g['day'] ?? g['day2']);
  const dateline: Dateline = {
    text: m[0].trim(),
    place,
    ...(g['country'] ? { country: g['country'] } : {}),
    ...(monthWord ? { month: monthNumber(monthWord)!, day } : {}),
    ...(g['year'] ? { year: Number(g['year']) } : {}),
    ...(agency ? { agency } : {}),
  };
  // ("BELGRADE. 24.kz – Kazakh …", "MUSCAT, October 20 – Kazpravda.kz. Kazakh …": the site's name right after it is its agency.)
  const site = SITE_AGENCY.exec(paragraph.slice(m[0].length));
  if (site && !dateline.agency) dateline.agency = site[1]!.replace(/\.$/, '');
  const rest = paragraph.slice(m[0].length + (site?.[0].length ?? 0)).trim();
  // (Its text as the page wrote it, brackets and all.)
  if (paragraph !== written) dateline.text = written.slice(0, written.length - rest.length).trim();
  return { dateline, rest };
}

/** A site's name ("24.kz", "Kazpravda.kz.") and its dash or full stop, before the first sentence. */
const SITE_AGENCY = /^([\p{L}\d][\p{L}\d-]*\.(?:kz|com|ru|uz|az|kg|tj|net|org|info|news))(?:\.\s+|\s+[–—-]+\s+)(?=\p{Lu})/u;

/** "[Baku. Aynur Huseynli – APA]. Kazakhstan's …": APA's dateline in brackets, with its reporter — as "Baku (APA) – Kazakhstan's …". */
function unbracketed(paragraph: string): string {
  const m = /^\[(\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*)?)\.(?: [^\]–—]{2,40})? [–—-] ([^\]]{2,30})\]\.?\s+(?=\p{Lu})/u.exec(paragraph);
  return m ? `${m[1]} (${m[2]}) – ${paragraph.slice(m[0].length)}` : paragraph;
}

/** Of a block's lines, this share at least must run near its widest for the block to be hard-wrapped text. */
const WRAPPED_SHARE = 0.6;
/** A line this much shorter than the widest is short: the last of its paragraph, when it ends a sentence. */
const SHORT_LINE = 0.85;

/**
 * A block hard-wrapped at a fixed width with no blank line between its paragraphs (a page pasted as text): a line
 * that ends a sentence well short of the width ends its paragraph ("… on trade, air links and" / "education.").
 */
function unwrapped(block: string): string[] {
  const lines = block.split('\n');
  if (lines.length < 6) return [block];
  const width = Math.max(...lines.map((l) => l.length));
  if (width > 100 || lines.filter((l) => l.length >= width * SHORT_LINE).length < lines.length * WRAPPED_SHARE) return [block];
  const out: string[] = [];
  let open: string[] = [];
  for (const line of lines) {
    open.push(line);
    if (ENDS_SENTENCE.test(line) && line.length < width * SHORT_LINE) {
      out.push(open.join('\n'));
      open = [];
    }
  }
  if (open.length) out.push(open.join('\n'));
  return out;
}

/** Words a headline does not end on: one that does was wrapped, and its end is the short line under it. */
const OPEN_ENDING = /\s(?:in|at|of|on|to|for|with|and|the|a|an|from|by)$/i;

/** The headline with the rest of it, when it was wrapped onto the next heading line ("… meeting in" / "Astana"). */
function wrappedHeadline(lines: readonly string[], headline: string): string {
  const next = lines[lines.indexOf(headline) + 1];
  return next !== undefined && OPEN_ENDING.test(headline) && next.split(/\s+/).length <= 4 ? `${headline} ${next}` : headline;
}

export function cleanRelease(raw: string): CleanText {
  const removed: string[] = [];
  let date: string | undefined;
  let dayMonth: CleanText['dayMonth'];
  let updated: string | undefined;
  const dateReadings: string[] = [];
  const lines = raw.replace(/\r\n?/g, '\n').split('\n').map(tidyLine);
  let kept: string[] = [];
  for (const line of lines) {
    if (!line) {
      kept.push('');
      continue;
    }
    const partial = dayMonthLine(line);
    if (partial) {
      removed.push(line);
      dayMonth ??= partial;
      continue;
    }
    const debris = debrisLine(line);
    if (debris === undefined) {
      kept.push(line);
      continue;
    }
    removed.push(line);
    kept.push(GONE); // (where the page's own line was: see the page's tail below)
    if (!debris) dateReadings.push(...stampReadings(line));
    // (The byline's date is the story's: the page's header may show the day it was scraped, "Monday, 21 November 2022".)
    if (debris && BYLINE.test(line)) date = debris;
    // (The day a page was last edited is no release's: "Updated: 12.04.2024 09:05" under "Date of publication: 11.04.2024".)
    else if (debris && /^(?:last\s+)?(?:updated|modified|edited)\b/i.test(line)) updated ??= debris;
    else date ??= debris || undefined;
  }
  // The site's name alone on a line at the top and again at the bottom ("Kazakh TV"), and a line of hashtags:
  // the page's, not the release's.
  const short = (l: string): boolean => l.split(/\s+/).length <= 4 && !ENDS_SENTENCE.test(l);
  // Of the heading lines above the text, the headline is the last that is not a site's name or a one-word menu.
  // (A menu or a breadcrumb trail is no headline: "Home | Nation | Business", "Nation > Politics > Diplomacy".)
  const menu = (l: string): boolean => /\s[|>»]\s/.test(l) || (l.match(/\S\s{2,}\S/g) ?? []).length >= 2;
  const headlineOf = (lines: readonly string[]): string =>
    lines.filter((l) => !short(l) && !menu(l)).pop() ?? lines.filter((l) => !short(l)).pop() ?? lines[lines.length - 1]!;
  const times = new Map<string, number>();
  for (const l of kept) times.set(l, (times.get(l) ?? 0) + 1);
  for (let i = 0; i < kept.length; i++) {
    const l = kept[i]!;
    const repeated = l && short(l) && times.get(l)! > 1;
    if (repeated || (l && /^(?:#[\p{L}\p{N}_]+\s*)+$/u.test(l))) {
      removed.push(l);
      kept[i] = GONE;
    }
  }
  // A byline: alone on a line before the text starts (the first line ending a sentence) or on the last line.
  const content = kept.map((l, i) => (l && l !== GONE ? i : -1)).filter((i) => i >= 0);
  const firstSentenceLine = content.find((i) => ENDS_SENTENCE.test(kept[i]!)) ?? -1;
  for (const i of content) {
    const atTop = i < firstSentenceLine && i !== content[0];
    const atEnd = i === content[content.length - 1] && content.length > 2;
    if ((atTop || atEnd) && isByline(kept[i]!)) {
      removed.push(kept[i]!);
      kept[i] = GONE;
    }
  }
  // A wire's end mark ("(END)", "-- (end) aam.mb") or the reporter's address alone on a line ("hayoon@yna.co.kr"): the
  // story ends there, whatever the page's widgets after it say in sentences ("Thanks for your feedback!").
  /** Takes out every line from `start` on: the page's, not the release's. */
  const dropFrom = (start: number): void => {
    for (let i = start; i < kept.length; i++) {
      if (!kept[i] || kept[i] === GONE) continue;
      removed.push(kept[i]!);
      kept[i] = GONE;
    }
  };
  const endMark = firstSentenceLine < 0 ? -1 : kept.findIndex((l, i) => i > firstSentenceLine && l !== GONE && WIRE_END.test(l));
  if (endMark > 0) dropFrom(endMark);
  // The page's tail: after the text's last sentence, once a line of the page's own has come (tags, share buttons, "Read
  // also:"), the rest is the page's too — a tags line wrapped onto the next ("communique, MFA"), other stories'
  // headlines, "(c) AKIpress News Agency. Use of materials is allowed only with a" / "hyperlink to akipress.com".
  const lastSentence = kept.findLastIndex((l) => l !== GONE && ENDS_SENTENCE.test(l) && !COPYRIGHT.test(l));
  const tail = kept.indexOf(GONE, lastSentence + 1);
  if (lastSentence >= 0 && tail > 0) dropFrom(tail + 1);
  // (A line taken out leaves no blank behind: "The Astana Times" between "Skip to content" and the menu does not make
  // two paragraphs of the page's header.)
  kept = kept.filter((l) => l !== GONE);
  // Blank lines separate paragraphs. Without any, a line that does not end a sentence was hard-wrapped:
  // it joins the next one; a line that ends one ends its paragraph.
  const hasBlankSeparators = /\S\n\n+\S/.test(kept.join('\n'));
  let blocks: string[];
  if (hasBlankSeparators)
    blocks = kept
      .join('\n')
      .split(/\n{2,}/)
      .flatMap(unwrapped);
  else {
    blocks = [];
    let open = '';
    for (const line of kept.filter(Boolean)) {
      open = open ? `${open}\n${line}` : line;
      if (ENDS_SENTENCE.test(line)) {
        blocks.push(open);
        open = '';
      }
    }
    if (open) blocks.push(open);
  }
  // "Kazakhstan, Cambodia agree to …" on the line right above "(MENAFN- Trend) NUR-SULTAN, …": a headline with no
  // blank line under it, not the first words of the text.
  // ("El.kz" / headline / "NUR-SULTAN – …": the site's name above the headline goes too.)
  let title: string | undefined;
  const top = (blocks[0] ?? '').split('\n').filter((l) => l.trim());
  // ("Search ..." ends no sentence.)
  // ("Search for:", a page's search box, ends in a colon and says nothing.)
  const heading = (l: string): boolean => (!ENDS_SENTENCE.test(l) || /(?:\.\.\.|…)$/.test(l) || /^[\p{L} ]{1,20}:$/u.test(l)) && l.length <= 200;
  // (Up to a page's worth of heading lines: site, menu, languages, breadcrumbs, headline.)
  const datelineAfter = (k: number): boolean =>
    k < Math.min(top.length, MAX_HEADING_LINES) && top.slice(0, k).every(heading) && !!splitDateline(top.slice(k).join(' '));
  for (let k = 1; k < Math.min(top.length, MAX_HEADING_LINES); k++) {
    if (!datelineAfter(k)) continue;
    // (The headline's last word wrapped onto a line of its own is no dateline's: "… meeting in" / "Astana" / "ASTANA, Oct. 22 –".)
    while (datelineAfter(k + 1)) k++;
    const above = top.slice(0, k).map((l) => l.trim());
    title = wrappedHeadline(above, headlineOf(above));
    removed.push(...above.filter((l) => l !== title && !title!.startsWith(`${l} `) && !title!.endsWith(` ${l}`)));
    blocks[0] = top.slice(k).join('\n');
    break;
  }
  // "zakon.kz" / menu / headline / the first paragraph, with no blank line under the headline (the date line between
  // them taken out): the heading lines above the first line that is a whole paragraph are the page's and the headline.
  if (title === undefined && hasBlankSeparators && top.length > 1) {
    const body = top.findIndex((l) => !heading(l));
    if (body > 0 && ENDS_SENTENCE.test(top[body]!) && top.slice(body).every((l) => ENDS_SENTENCE.test(l))) {
      const above = top.slice(0, body).map((l) => l.trim());
      title = headlineOf(above);
      removed.push(...above.filter((l) => l !== title));
      blocks[0] = top.slice(body).join('\n');
    }
  }
  // Site / menu / languages / breadcrumbs / headline, a blank line, then the dateline's paragraph: a block of heading lines
  // only is the page's, and its headline the title ("THE TBILISI HERALD" / "News   Business …" / "ქარ  ENG  РУС" / …).
  if (title === undefined && top.length > 1 && top.length <= MAX_HEADING_LINES && top.every(heading) && splitDateline(blocks[1] ?? '')) {
    const above = top.map((l) => l.trim());
    title = wrappedHeadline(above, headlineOf(above));
    removed.push(...above.filter((l) => l !== title));
    blocks.shift();
  }
  const blockLines = blocks.map((b) =>
    b
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  );
  const texts = blockLines.map((lines) => lines.join(' '));
  let paragraphs = texts
    .map((text, i) => {
      // A numbered list keeps its numbers (how many were signed, how many points a communiqué has): in one paragraph
      // ("1. Plan of consultations …; 2. Memorandum …"), or one item a paragraph after a sentence that introduces it
      // ("… contains the following provisions:" / "1. The sides reaffirmed …" / "2. …")…
      if (blockLines[i]!.filter((l) => listItemNumber(l) > 0).length >= 2 || listItemAfterColon(texts, i)) return text;
      // …while "1. At the invitation of …", a joint statement's numbered paragraph, has no word in its number.
      return text.replace(/^\d{1,2}\.\s+(?=\p{Lu})/u, '');
    })
    .filter(Boolean);
  const blankLines = Math.max(0, kept.filter((l) => !l).length - (hasBlankSeparators ? paragraphs.length - 1 : 0));

  // The headline: a first paragraph of short lines that end no sentence, with more text after it.
  // ("Ministry of Foreign Affairs of the Republic of Kazakhstan" / menus / breadcrumbs / headline: the page's lines above it go.)
  const firstLines = (blocks.find((b) => b.trim()) ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  // ("MFA: 37 Kazakhstanis back home from Argentina" opens like a dateline, but a dateline is followed by a sentence, or by
  // nothing: a heading after it is a headline that names its source first.)
  const datelined = (p: string): boolean => {
    const split = splitDateline(p);
    return split !== undefined && (!split.rest || !heading(p));
  };
  if (title === undefined && hasBlankSeparators && paragraphs.length > 1 && firstLines.every(heading) && !datelined(paragraphs[0]!)) {
    const lines = firstLines;
    // (A line that opens in lower case goes on the one above — unless it is a site's address: "gov.kz", "english.news.cn".
    // One that opens otherwise is a line of its own: a capital, a digit ("24.kz"), a script with no capitals ("中文",
    // "駐日カザフスタン共和国大使館"), a symbol — a views count, "👁 3 187".)
    const separate = lines.length > 1 && lines.every((l) => !/^\p{Ll}/u.test(l) || /^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{Ll}{2,4}\b/u.test(l));
    title = separate ? headlineOf(lines) : paragraphs[0]!;
    if (separate) removed.push(...lines.filter((l) => l !== title));
    paragraphs = paragraphs.slice(1);
  }
  // "KazTAG – Kazakhstan Telegraph Agency" / "Politics", and the headline in a paragraph of its own below: the last
  // heading above the text is the headline, the ones above it the page's.
  while (title && hasBlankSeparators && paragraphs.length > 1 && heading(paragraphs[0]!) && !short(paragraphs[0]!) && !datelined(paragraphs[0]!)) {
    removed.push(title);
    title = paragraphs[0]!;
    paragraphs = paragraphs.slice(1);
  }
  // "Kazakh TV" between the headline and the dateline: the site's name, not the text.
  if (paragraphs.length > 2 && short(paragraphs[0]!) && splitDateline(paragraphs[1]!)) {
    removed.push(paragraphs[0]!);
    paragraphs = paragraphs.slice(1);
  }
  // The dateline, from the first paragraph: metadata, not the first sentence's words.
  let dateline: Dateline | undefined;
  const split = paragraphs[0] ? splitDateline(paragraphs[0]) : undefined;
  if (split?.rest) {
    dateline = split.dateline;
    paragraphs = [split.rest, ...paragraphs.slice(1)];
  } else if (split && paragraphs.length > 1) {
    dateline = split.dateline; // a dateline on a line of its own
    paragraphs = paragraphs.slice(1);
  }
  date ??= updated;
  return {
    paragraphs,
    ...(date ? { date } : {}),
    ...(dayMonth ? { dayMonth } : {}),
    ...(dateReadings.length ? { dateReadings } : {}),
    ...(title ? { title } : {}),
    ...(dateline ? { dateline } : {}),
    removed,
    blankLines,
  };
}

/** Lines above a release's text that may be the page's and its headline (site, menu, languages, breadcrumbs, headline). */
const MAX_HEADING_LINES = 8;

/** Whether paragraph i is item n of a numbered run whose item 1 follows a paragraph ending in a colon. */
function listItemAfterColon(texts: readonly string[], i: number): boolean {
  for (let k = i, n = listItemNumber(texts[i] ?? ''); n >= 1 && k >= 0; k--, n--) {
    if (listItemNumber(texts[k] ?? '') !== n) return false;
    if (n === 1) return /:\s*$/.test(texts[k - 1] ?? '');
  }
  return false;
}

/** A copyright line: "(c) AKIpress News Agency. …", "© 2024 Trend. All Rights Reserved.", "Use of materials is allowed only …". */
const COPYRIGHT = /^(?:\(c\)|©|copyright\b)|\ball rights reserved\b|\b(?:use|reproduction) of (?:the )?materials\b/i;

/** A line taken out after the first pass (a byline, the site's name repeated), until the lines are filtered. */
const GONE = '\u0000';

/** The release text file: paragraphs separated by one blank line. */
export function releaseText(paragraphs: readonly string[]): string {
  return `${paragraphs.join('\n\n')}\n`;
}
