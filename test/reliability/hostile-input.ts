/**
 * What a hostile (or just unlucky) user can type, as fast-check arbitraries shared by the hostile-input
 * tests: any Unicode (astral planes, lone surrogates), 6,000-character walls, Markdown and code
 * fences, zero-width and right-to-left controls, emoji with skin tones and ZWJ sequences, every
 * Discord mention form, links — mixed with words the knowledge knows, so that answered paths (not
 * only "not found") are fuzzed too. And the checks every rendered message must pass.
 */
import fc from 'fast-check';
import { validateMessage } from '../simulator';
import { embedSize, LIMITS, type View } from '../../src/discord/render';

/** One seed for every hostile-input property: CI is deterministic; change it locally to explore. */
export const SEED = 4242;

const snowflake = fc.bigInt({ min: 10n ** 16n, max: 10n ** 19n - 1n }).map(String);

export const MARKDOWN = [
  '**',
  '__',
  '*',
  '_',
  '~~',
  '||',
  '`',
  '```',
  '```js\n',
  '\n```\n',
  '> ',
  '>>> ',
  '# ',
  '-# ',
  '- ',
  '1. ',
  '\\',
  '[free nitro](https://evil.example/gift)',
  '<https://evil.example>',
  '[x](<https://evil.example>)',
];
export const LINKS = [
  'https://evil.example/a?b=c#d',
  'http://evil.example',
  'HTTPS://EVIL.EXAMPLE',
  'www.evil.example',
  'discord.gg/evil',
  'steam://run/1',
  'javascript:alert(1)',
];
export const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u202e', '\u2067', '\u2066', '\u2069', '\u00ad', '\u180e'];
export const EMOJI = ['😀', '👍🏽', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇰🇿', '🧑🏿‍🚀', '❤️', '🫠', '\ud83d', '\ude00', '\udbff\udfff'];
export const PINGS = ['@everyone', '@here', '@EVERYONE', '@\u200beveryone', '@@everyone', '<@&', '<@', '<#'];
/** Words the knowledge knows, so answers are found (and rendered with quotes, lists and pages). */
export const KNOWN = [
  'who',
  'did he meet',
  'who did the minister meet?',
  'Guterres',
  'Гутерриш',
  'WHO',
  'ВОЗ',
  'Tedros',
  'tedross',
  'Türk',
  'WIPO',
  'Daren Tang',
  'topics',
  'what did they discuss',
  'when',
  'where',
  'how many',
  'кто',
  'с кем встречался министр',
  'Swiss',
  'Cassis',
  'minister',
  'Geneva',
  'Женева',
  '2024',
  'February',
  'foreign ministers',
  'SCO',
  'human rights',
  'source',
];
const SEPARATORS = [' ', '  ', '\n', '\n\n', '\t', '\r\n', '?', '.', ',', '"', "'", '“', '«', '(', ')', '/', ':', '<', '>'];

/** One fragment of hostile text. */
export const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) }, // any code point, astral included
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 3 }) }, // lone surrogates
  { weight: 2, arbitrary: fc.constantFrom(...MARKDOWN) },
  { weight: 1, arbitrary: fc.constantFrom(...LINKS) },
  { weight: 2, arbitrary: fc.constantFrom(...INVISIBLE) },
  { weight: 2, arbitrary: fc.constantFrom(...EMOJI) },
  { weight: 2, arbitrary: fc.constantFrom(...PINGS) },
  { weight: 1, arbitrary: snowflake.map((id) => `<@&${id}>`) },
  { weight: 1, arbitrary: snowflake.map((id) => `<@${id}>`) },
  { weight: 1, arbitrary: snowflake.map((id) => `<@!${id}>`) },
  { weight: 1, arbitrary: snowflake.map((id) => `<#${id}>`) },
  { weight: 1, arbitrary: snowflake.map((id) => `</ask:${id}>`) },
  { weight: 4, arbitrary: fc.constantFrom(...KNOWN) },
  { weight: 4, arbitrary: fc.constantFrom(...SEPARATORS) },
);

/** Hostile text of any length up to 6,000 characters (the largest message Discord accepts is 4,000). */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 16, arbitrary: fc.array(piece, { maxLength: 24 }).map((parts) => parts.join('')) },
  // a wall: hostile fragments repeated to exactly 6,000 UTF-16 units
  { weight: 2, arbitrary: fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => wall(parts.join(''), 6000)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 5000, maxLength: 6000 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\u200b', '\ufeff\ufeff', '```', '@everyone', '\u202e'.repeat(6000)) },
);

export function wall(seed: string, length: number): string {
  const s = seed || '@everyone ';
  return s.repeat(Math.ceil(length / s.length)).slice(0, length);
}

/** Discord's locales as a client sends them (the reply language follows "ru"). */
export const locale = fc.constantFrom('en-US', 'en-GB', 'ru', 'uk', 'de', 'tr');

// ─────────────────────────────── checks on what the bot sends ───────────────────────────────

/** Anything Discord would render as a mention, a channel or command link, or a clickable URL. */
const PINGABLE = /@everyone|@here|<@[!&]?\d+>|<#\d+>|<\/[^\s>]+:\d+>|<id:\w+>/i;
const URL_SCHEME = /:\/\//;
/** A masked link "[text](" whose "[" is not escaped (preceded by an even number of backslashes). */
const MASKED_LINK = /(^|[^\\])(\\\\)*\[[^\]\n]*\]\(/;

type Embed = View['embeds'][number];
export interface SentBody {
  content?: string | null;
  embeds?: Embed[];
  components?: View['components'];
}

/** Every text of a message, by where it appears, and whether Discord renders Markdown there. */
export function textsOf(m: SentBody): Array<{ where: string; text: string; markdown: boolean }> {
  const out: Array<{ where: string; text: string; markdown: boolean }> = [];
  if (m.content) out.push({ where: 'content', text: m.content, markdown: true });
  (m.embeds ?? []).forEach((e, i) => {
    if (e.title) out.push({ where: `embeds[${i}].title`, text: e.title, markdown: true });
    if (e.description) out.push({ where: `embeds[${i}].description`, text: e.description, markdown: true });
    if (e.author?.name) out.push({ where: `embeds[${i}].author`, text: e.author.name, markdown: false });
    if (e.footer?.text) out.push({ where: `embeds[${i}].footer`, text: e.footer.text, markdown: false });
    (e.fields ?? []).forEach((f, j) => {
      out.push({ where: `embeds[${i}].fields[${j}].name`, text: f.name, markdown: true });
      out.push({ where: `embeds[${i}].fields[${j}].value`, text: f.value, markdown: true });
    });
  });
  for (const row of m.components ?? [])
    for (const c of row.components) if ('label' in c && c.label) out.push({ where: 'button', text: c.label, markdown: false });
  return out;
}

/** Problems with a message, as readable strings ([] when it is fine): a limit broken, or a mention or link formed. */
export function problemsOf(m: SentBody): string[] {
  const problems: string[] = [];
  const bad = validateMessage(m, { requireContent: true }); // code points, as Discord counts
  if (bad) problems.push(`simulator validation: ${JSON.stringify(bad.body)}`);
  // UTF-16 units, never fewer than code points: what render.ts promises
  if ((m.content?.length ?? 0) > LIMITS.content) problems.push('content over 2000');
  const embeds = m.embeds ?? [];
  if (embeds.length > LIMITS.embeds) problems.push('more than 10 embeds');
  let total = 0;
  for (const e of embeds) {
    total += embedSize(e);
    if ((e.title?.length ?? 0) > LIMITS.title) problems.push('title over 256');
    if ((e.description?.length ?? 0) > LIMITS.description) problems.push('description over 4096');
    if ((e.author?.name.length ?? 0) > LIMITS.author) problems.push('author over 256');
    if ((e.footer?.text.length ?? 0) > LIMITS.footer) problems.push('footer over 2048');
    if ((e.fields?.length ?? 0) > LIMITS.fields) problems.push('more than 25 fields');
    for (const f of e.fields ?? []) {
      if (!f.name.trim() || f.name.length > LIMITS.fieldName) problems.push(`field name length ${f.name.length}`);
      if (!f.value.trim() || f.value.length > LIMITS.fieldValue) problems.push(`field value length ${f.value.length}`);
    }
  }
  if (total > LIMITS.embedTotal) problems.push(`embeds total ${total} > 6000`);
  const rows = m.components ?? [];
  if (rows.length > 5) problems.push('more than 5 rows');
  const ids: string[] = [];
  for (const row of rows) {
    if (row.components.length > 5) problems.push('more than 5 buttons in a row');
    for (const c of row.components) {
      if ('custom_id' in c) ids.push(c.custom_id);
      if ('label' in c && (c.label?.length ?? 0) > LIMITS.buttonLabel) problems.push('label over 80');
    }
  }
  for (const id of ids) if (id.length < 1 || id.length > LIMITS.customId) problems.push(`custom_id length ${id.length}`);
  if (new Set(ids).size !== ids.length) problems.push('duplicate custom_id');
  for (const t of textsOf(m)) {
    if (PINGABLE.test(t.text)) problems.push(`${t.where} forms a mention: ${JSON.stringify(PINGABLE.exec(t.text)![0])}`);
    if (URL_SCHEME.test(t.text)) problems.push(`${t.where} forms a link`);
    if (t.markdown && MASKED_LINK.test(t.text)) problems.push(`${t.where} forms a masked link`);
  }
  return problems;
}

/** Autocomplete choices within Discord's limits: ≤25, names 1–100, string values 1–100. */
export function choiceProblems(choices: ReadonlyArray<{ name: string; value: string }>): string[] {
  const problems: string[] = [];
  if (choices.length > LIMITS.choices) problems.push(`${choices.length} choices`);
  for (const c of choices) {
    if ([...c.name].length < 1 || c.name.length > LIMITS.choiceName) problems.push(`choice name length ${c.name.length}`);
    if ([...c.value].length < 1 || c.value.length > LIMITS.choiceValue) problems.push(`choice value length ${c.value.length}`);
  }
  return problems;
}
