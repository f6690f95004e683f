/**
 * Answers → Discord messages, and the one place that knows Discord's size limits
 * (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). Everything the
 * bot sends goes through here, so every limit holds whatever the knowledge contains: texts are
 * truncated, long lists are paged behind Previous/Next buttons, and an embed over 6000 characters
 * drops quotes before it loses its answer.
 */
import { ButtonStyle, ComponentType, MessageFlags, escapeMarkdown, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import { STRINGS, citedReleases, evidenceBlocks, releaseDateText, type Answer, type Knowledge, type Lang, type Release } from '../core';
import { tagAnswerView } from './outcome';
import { BOT_STRINGS } from './strings';

export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedTotal: 6000,
  customId: 100,
  buttonLabel: 80,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/** Lines of a list per page, at most; pages are balanced (10 items → 5 + 5, not 8 + 2). */
export const ITEMS_PER_PAGE = 8;
/** Characters of list per page: leaves room in the 6000 total for the summary, quotes and footer. */
export const LIST_PAGE_CHARS = 2500;
/** Characters of release text per /source page: a comfortable screenful. */
export const SOURCE_PAGE_CHARS = 2500;
/** Quotes shown under an answer. */
export const MAX_QUOTES = 10;

const COLOR_ANSWERED = 0x5865f2;
const COLOR_NOT_FOUND = 0x99aab5;

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

/** What a reply, an update or a message carries. */
export interface View {
  content?: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
}

/** Builds the custom_id of the button that shows page `n` (see paging.ts). */
export type PageIdOf = (page: number) => string;

/**
 * At most `max` UTF-16 units, ending in "…" when cut. UTF-16 length is never below the code-point
 * count Discord measures, so this is safe either way; a surrogate pair is never split.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/**
 * The knowledge and the user's words are plain text, not Markdown: escaped, a "*" stays a star and a
 * name typed as "[free nitro](https://…)" cannot become a masked link in the bot's public answer.
 * (Only where Discord renders Markdown: descriptions, field values and names, titles — not footers or author names.)
 */
export function md(text: string): string {
  const escaped = escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true })
    // Every "[" rather than escapeMarkdown's maskedLink, which escapes only the first of several
    // masked links ("[a](x) [b](y)": [b](y) stayed a link). Backslashes are already doubled above.
    .replaceAll('[', '\\[')
    // Block quotes and subtext, which escapeMarkdown leaves alone.
    .replace(/^([ \t]*)(>|-#)/gm, '$1\\$2');
  return defuse(escaped);
}

/**
 * Breaks, with an invisible zero-width space, whatever Discord would turn into a mention, a channel
 * or command link, or a clickable URL: "@everyone" → "@\u200beveryone", "<@123>" → "<\u200b@123>",
 * "https://x" → "https:\u200b//x". The text reads the same. `allowed_mentions` already stops pings;
 * this stops a user's words (echoed in "No one matching …", or as the heading of an answer) from
 * rendering as someone's mention or as a link in the bot's own public message.
 */
export function defuse(text: string): string {
  return text
    .replace(/@(everyone|here)/gi, '@\u200b$1')
    .replace(/<(?=[@#/]|id:)/g, '<\u200b')
    .replace(/:\/\//g, ':\u200b//');
}

/** Splits a text longer than `max` at whitespace (or hard, when a word is longer than `max`). */
export function chunk(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let at = rest.lastIndexOf(' ', max);
    if (at < max / 2) at = max;
    if (/[\uD800-\uDBFF]/.test(rest[at - 1] ?? '')) at -= 1;
    out.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest) out.push(rest);
  return out;
}

/** Groups lines into pages of ≤ maxItems lines and ≤ maxChars characters, counting `sep` characters between lines. */
export function paginate(lines: readonly string[], maxChars: number, maxItems: number, sep = 1): string[][] {
  if (lines.length === 0) return [];
  const perPage = Math.ceil(lines.length / Math.ceil(lines.length / maxItems));
  const pages: string[][] = [];
  let page: string[] = [];
  let size = 0;
  for (const raw of lines) {
    const line = truncate(raw, maxChars);
    if (page.length && (page.length >= perPage || size + sep + line.length > maxChars)) {
      pages.push(page);
      page = [];
      size = 0;
    }
    page.push(line);
    size += (page.length > 1 ? sep : 0) + line.length;
  }
  pages.push(page);
  return pages;
}

/** The characters Discord counts toward an embed's 6000. */
export function embedSize(e: APIEmbed): number {
  const fields = (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0) + fields;
}

/** Enforces every per-embed limit, dropping trailing fields first, then shortening the description. */
export function fitEmbed(e: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...e };
  if (out.title !== undefined) out.title = truncate(out.title, LIMITS.title);
  if (out.description !== undefined) out.description = truncate(out.description, LIMITS.description);
  if (out.footer) out.footer = { ...out.footer, text: truncate(out.footer.text, LIMITS.footer) };
  if (out.author) out.author = { ...out.author, name: truncate(out.author.name, LIMITS.author) };
  if (out.fields) {
    out.fields = out.fields
      .slice(0, LIMITS.fields)
      .map((f) => ({ ...f, name: truncate(f.name || '\u200b', LIMITS.fieldName), value: truncate(f.value || '\u200b', LIMITS.fieldValue) }));
  }
  while (embedSize(out) > LIMITS.embedTotal && out.fields?.length) out.fields = out.fields.slice(0, -1);
  const excess = embedSize(out) - LIMITS.embedTotal;
  if (excess > 0 && out.description) out.description = truncate(out.description, Math.max(1, out.description.length - excess));
  return out;
}

/** Previous · "Page n/N" · Next. The middle button is a disabled label; ids stay unique (n-1, n, n+1). */
export function pager(page: number, total: number, pageId: PageIdOf, lang: Lang): ButtonRow[] {
  if (total <= 1) return [];
  const S = BOT_STRINGS[lang];
  const button = (
    n: number,
    label: string,
    disabled: boolean,
    style: ButtonStyle.Primary | ButtonStyle.Secondary = ButtonStyle.Primary,
  ): APIButtonComponent => ({
    type: ComponentType.Button,
    style,
    custom_id: pageId(n),
    label: truncate(label, LIMITS.buttonLabel),
    disabled,
  });
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        button(page - 1, S.previous, page <= 1),
        button(page, STRINGS[lang].page(page, total), true, ButtonStyle.Secondary),
        button(page + 1, S.next, page >= total),
      ],
    },
  ];
}

function clampPage(page: number, total: number): number {
  return Math.min(Math.max(1, Math.trunc(page) || 1), Math.max(1, total));
}

/**
 * One line: "28 February 2024 · Press service of …" for one release; for several (their titles and
 * dates then name the quotes), each source once.
 */
function releaseFooter(releases: readonly Release[], lang: Lang): string {
  if (releases.length === 1) return `${releaseDateText(releases[0]!, lang)} · ${releases[0]!.source}`;
  return [...new Set(releases.map((r) => r.source))].join(' · ');
}

export interface AnswerViewOptions {
  /** 1-based; clamped to the pages that exist. */
  page?: number;
  /** Without it, a long list is cut to its first page (no buttons). */
  pageId?: PageIdOf;
  /** Shown above the answer, e.g. the question asked. */
  heading?: string;
}

/**
 * An answer as one embed: the summary and (a page of) its list as the description, each quoted
 * passage that adds to it as a field (evidenceBlocks), the cited release as title and its date and
 * source as a one-line footer (several releases: their titles and dates name the quotes).
 */
export function renderAnswer(answer: Answer, knowledge: Knowledge, opts: AnswerViewOptions = {}): View {
  const pages = paginate(
    answer.items.map((item) => `• ${md(item)}`),
    LIST_PAGE_CHARS,
    ITEMS_PER_PAGE,
  );
  const total = Math.max(1, pages.length);
  const page = clampPage(opts.page ?? 1, total);
  const releases = citedReleases(answer, knowledge);
  const nameOf = new Map(releases.map((r) => [r.id, r.date || r.monthDay ? `${r.title}, ${releaseDateText(r, answer.lang)}` : r.title]));
  const fields = evidenceBlocks(answer)
    .slice(0, MAX_QUOTES)
    .map((b) => ({
      name: releases.length > 1 ? `¶${b.paragraph} · ${md(nameOf.get(b.release) ?? b.release)}` : `¶${b.paragraph}`,
      value: `“${truncate(md(b.text), LIMITS.fieldValue - 2)}”`,
    }));
  const embed: APIEmbed = {
    color: answer.status === 'answered' ? COLOR_ANSWERED : COLOR_NOT_FOUND,
    description: [md(answer.summary), ...(pages[page - 1] ?? [])].join('\n'),
  };
  if (releases.length === 1) embed.title = md(releases[0]!.title);
  // Author names render no Markdown (escaping would show backslashes), but defused all the same.
  if (opts.heading) embed.author = { name: defuse(opts.heading) };
  if (fields.length) embed.fields = fields;
  if (releases.length) embed.footer = { text: releaseFooter(releases, answer.lang) };
  return tagAnswerView({ embeds: [fitEmbed(embed)], components: opts.pageId ? pager(page, total, opts.pageId, answer.lang) : [] }, answer.status);
}

/** The release itself: title, its paragraphs (numbered like the quotes cite them) in pages, date and source. */
export function renderRelease(release: Release, lang: Lang, opts: Omit<AnswerViewOptions, 'heading'> = {}): View {
  const blocks = release.paragraphs.flatMap((p, i) => chunk(`**¶${i + 1}** ${md(p)}`, SOURCE_PAGE_CHARS));
  const pages = paginate(blocks, SOURCE_PAGE_CHARS, Number.MAX_SAFE_INTEGER, 2).map((lines) => lines.join('\n\n'));
  const total = Math.max(1, pages.length);
  const page = clampPage(opts.page ?? 1, total);
  const embed: APIEmbed = {
    color: COLOR_ANSWERED,
    title: md(release.title),
    description: pages[page - 1] ?? '',
    footer: { text: releaseFooter([release], lang) },
  };
  return { embeds: [fitEmbed(embed)], components: opts.pageId ? pager(page, total, opts.pageId, lang) : [] };
}

/** A short text reply (refusals, errors, notes); callers add the ephemeral flag. */
export function notice(text: string): View {
  return { content: truncate(text, LIMITS.content), embeds: [], components: [] };
}

/** Autocomplete choices within Discord's limits; a value that would not fit is dropped, not cut (a cut name means someone else). */
export function toChoices(suggestions: ReadonlyArray<{ label: string; value: string }>): Array<{ name: string; value: string }> {
  return suggestions
    .filter((s) => s.value.length >= 1 && s.value.length <= LIMITS.choiceValue && s.label.trim().length > 0)
    .slice(0, LIMITS.choices)
    .map((s) => ({ name: truncate(s.label, LIMITS.choiceName), value: s.value }));
}

/** A refusal or error only the user sees (https://discord.com/developers/docs/resources/message#message-object-message-flags). */
export function ephemeral(text: string): View & { flags: MessageFlags.Ephemeral } {
  return { ...notice(text), flags: MessageFlags.Ephemeral };
}
