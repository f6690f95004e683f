/**
 * render.ts on its own: whatever an answer holds (huge summaries, hundreds of items, long quotes,
 * astral characters), what it renders stays inside every Discord limit, and paging loses nothing.
 */
import fc from 'fast-check';
import { ButtonStyle } from 'discord.js';
import type { Answer, Knowledge, Release } from '../../src/core';
import { validateMessage } from '../simulator';
import { LongArgs, pageIdsFor, parsePageId, type PageRef } from '../../src/discord/paging';
import {
  chunk,
  embedSize,
  fitEmbed,
  ITEMS_PER_PAGE,
  LIMITS,
  paginate,
  renderAnswer,
  renderRelease,
  toChoices,
  truncate,
  type View,
} from '../../src/discord/render';

function setup(releases: Release[] = [release('r1'), release('r2')]): Knowledge {
  return { releases: new Map(releases.map((r) => [r.id, r])), entities: new Map(), meetings: new Map(), facts: new Map(), mentions: [], files: [] };
}

function release(id: string, over: Partial<Release> = {}): Release {
  return { id, title: `Title of ${id}`, date: '2024-02-28', source: 'Press service', paragraphs: ['One.', 'Two.'], file: `${id}.yaml`, curated: true, ...over };
}

function answer(over: Partial<Answer> = {}): Answer {
  return { status: 'answered', summary: 'Summary.', items: [], sources: [], lang: 'en', ...over };
}

/** Every limit of discord.md, checked on a rendered view (the simulator's validator plus the rest). */
function expectWithinLimits(view: View): void {
  expect(validateMessage(view, { requireContent: true })).toBeNull();
  expect(view.embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
  for (const e of view.embeds) {
    expect(embedSize(e)).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
  }
  expect(view.components.length).toBeLessThanOrEqual(5);
  const ids = view.components.flatMap((row) => row.components.map((b) => ('custom_id' in b ? b.custom_id : '')));
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id.length).toBeLessThanOrEqual(LIMITS.customId);
}

const text = (max: number) => fc.string({ unit: 'grapheme', maxLength: max });

describe('truncate', () => {
  test('keeps short text, cuts long text to the limit with an ellipsis', () => {
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('abcdef', 4)).toBe('abc…');
  });

  test('never splits a surrogate pair', () => {
    const cut = truncate('a😀😀😀', 3);
    expect(cut.length).toBeLessThanOrEqual(3);
    expect(cut).toBe('a…');
  });

  test('property: never longer than the limit', () => {
    fc.assert(fc.property(text(300), fc.integer({ min: 1, max: 200 }), (t, max) => truncate(t, max).length <= max));
  });
});

describe('paginate', () => {
  test('balances pages: 10 items → 5 + 5', () => {
    const items = Array.from({ length: 10 }, (_, i) => `item ${i}`);
    expect(paginate(items, 2500, ITEMS_PER_PAGE).map((p) => p.length)).toEqual([5, 5]);
  });

  test('property: every item lands on exactly one page, in order, and no page exceeds its budget', () => {
    fc.assert(
      fc.property(fc.array(text(400), { maxLength: 60 }), fc.integer({ min: 50, max: 3000 }), fc.integer({ min: 1, max: 12 }), (items, maxChars, maxItems) => {
        const pages = paginate(items, maxChars, maxItems);
        expect(pages.flat()).toEqual(items.map((i) => truncate(i, maxChars)));
        for (const p of pages) {
          expect(p.length).toBeLessThanOrEqual(maxItems);
          expect(p.join('\n').length).toBeLessThanOrEqual(maxChars);
        }
      }),
    );
  });
});

describe('chunk', () => {
  test('splits at spaces, within the limit, losing no words', () => {
    const t = 'word '.repeat(1000).trim();
    const parts = chunk(t, 300);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(300);
    expect(parts.join(' ')).toBe(t);
  });
});

describe('fitEmbed', () => {
  test('drops trailing quotes before it shortens the answer, to stay within 6000', () => {
    const e = fitEmbed({ description: 'd'.repeat(4000), fields: Array.from({ length: 30 }, () => ({ name: 'n', value: 'v'.repeat(1500) })) });
    expect(embedSize(e)).toBeLessThanOrEqual(6000);
    expect(e.description).toBe('d'.repeat(4000));
    expect(e.fields!.length).toBe(1);
  });
});

describe('renderAnswer', () => {
  test('summary, items, quotes as fields, release as title and date · source as footer', () => {
    const view = renderAnswer(answer({ items: ['A', 'B'], sources: [{ release: 'r1', paragraph: 2, quote: 'said this' }] }), setup());
    expect(view.embeds[0]).toMatchObject({
      title: 'Title of r1',
      description: 'Summary.\n• A\n• B',
      fields: [{ name: '¶2', value: '“said this”' }],
      footer: { text: '28 February 2024 · Press service' },
    });
    expect(view.components).toEqual([]);
  });

  test("the user's words and the release's are plain text: no masked link, no stray bold", () => {
    const view = renderAnswer(answer({ summary: 'No one matching “[free nitro](https://evil.example)”.', items: ['a **b**'] }), setup());
    // …and the URL is broken by a zero-width space: no bare link either (render.ts defuse).
    expect(view.embeds[0]!.description).toBe('No one matching “\\[free nitro](https:\u200b//evil.example)”.\n• a \\*\\*b\\*\\*');
  });

  test('quotes from several releases name their release; the footer lists each', () => {
    const view = renderAnswer(
      answer({
        sources: [
          { release: 'r1', paragraph: 1, quote: 'x' },
          { release: 'r2', paragraph: 3, quote: 'y' },
        ],
      }),
      setup([release('r1'), release('r2', { date: '2024-03-01', source: 'Other' })]),
    );
    const e = view.embeds[0]!;
    expect(e.title).toBeUndefined();
    // Each quote names its release and date; the footer is one line, each source once.
    expect(e.fields!.map((f) => f.name)).toEqual(['¶1 · Title of r1, 28 February 2024', '¶3 · Title of r2, 1 March 2024']);
    expect(e.footer!.text).not.toContain('\n');
    expect(e.footer!.text.split(' · ').sort()).toEqual(['Other', 'Press service']);
  });

  test('a quote that only repeats the answer is not shown again; at most one quote per listed point', () => {
    const repeat = renderAnswer(
      answer({ summary: 'Daren Tang — Director General of WIPO.', sources: [{ release: 'r1', paragraph: 9, quote: 'Director General of WIPO Daren Tang' }] }),
      setup(),
    );
    expect(repeat.embeds[0]!.fields).toBeUndefined();
    expect(repeat.embeds[0]!.title).toBe('Title of r1');
    const sources = [1, 2, 3].map((paragraph) => ({ release: 'r1', paragraph, quote: `thing ${paragraph}` }));
    expect(renderAnswer(answer({ items: ['A point'], sources }), setup()).embeds[0]!.fields).toHaveLength(2);
  });

  test('a long list pages with Previous / Page n/N / Next; the page number is clamped', () => {
    const items = Array.from({ length: 20 }, (_, i) => `person ${i}`);
    const ids = (n: number) => `page:who-met:en:${n}:`;
    const last = renderAnswer(answer({ items }), setup(), { page: 99, pageId: ids });
    const row = last.components[0]!.components;
    expect(row.map((b) => ('label' in b ? b.label : ''))).toEqual(['Previous', 'Page 3/3', 'Next']);
    expect(row.map((b) => b.disabled)).toEqual([false, true, true]);
    expect(row[1]).toMatchObject({ style: ButtonStyle.Secondary });
    expect(last.embeds[0]!.description).toContain('person 19');
  });

  test('property: any answer renders within every Discord limit, on every page', () => {
    const source = fc.record({ release: fc.constantFrom('r1', 'r2', 'gone'), paragraph: fc.integer({ min: 1, max: 40 }), quote: text(2000) });
    fc.assert(
      fc.property(
        fc.record({
          status: fc.constantFrom('answered' as const, 'not_found' as const),
          summary: text(5000),
          items: fc.array(text(3000), { maxLength: 80 }),
          sources: fc.array(source, { maxLength: 40 }),
          lang: fc.constantFrom('en' as const, 'ru' as const),
        }),
        text(600),
        (a, heading) => {
          const k = setup([release('r1', { title: 'T'.repeat(400), source: 'S'.repeat(3000) }), release('r2')]);
          const long = new LongArgs();
          const ids = pageIdsFor({ kind: 'ask', lang: a.lang, arg: heading }, long);
          const first = renderAnswer(a, k, { pageId: ids, heading });
          expectWithinLimits(first);
          const total = Math.max(1, paginate(a.items, 2500, ITEMS_PER_PAGE).length);
          for (let page = 2; page <= Math.min(total, 4); page++) expectWithinLimits(renderAnswer(a, k, { page, pageId: ids, heading }));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('renderRelease', () => {
  test('numbers paragraphs like the quotes cite them and pages long texts', () => {
    const paragraphs = Array.from({ length: 30 }, (_, i) => `Paragraph ${i + 1}. ${'Text of it. '.repeat(30)}`);
    const r = release('r1', { paragraphs });
    const ids = (n: number) => `page:source:en:${n}:r1`;
    const first = renderRelease(r, 'en', { pageId: ids });
    expect(first.embeds[0]!.description).toMatch(/^\*\*¶1\*\* Paragraph 1\./);
    expectWithinLimits(first);
    const label = (first.components[0]!.components[1] as { label: string }).label;
    const total = Number(/\/(\d+)$/.exec(label)![1]);
    const all = Array.from({ length: total }, (_, i) => renderRelease(r, 'en', { page: i + 1, pageId: ids }).embeds[0]!.description).join('\n\n');
    for (let i = 1; i <= 30; i++) expect(all).toContain(`**¶${i}** Paragraph ${i}.`);
  });

  test('a paragraph longer than a page is split, not lost', () => {
    const r = release('r1', { paragraphs: ['x '.repeat(6000).trim()] });
    const view = renderRelease(r, 'en', { pageId: (n) => `page:source:en:${n}:r1` });
    expectWithinLimits(view);
    expect(view.components.length).toBe(1);
  });
});

describe('toChoices', () => {
  test('≤25 choices, names cut to 100, values that would not fit dropped', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ label: `${'L'.repeat(150)}${i}`, value: `v${i}` }));
    const choices = toChoices([{ label: 'long value', value: 'v'.repeat(101) }, ...many]);
    expect(choices).toHaveLength(25);
    expect(choices[0]!.value).toBe('v0');
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
  });
});

describe('page button ids', () => {
  const ref = (arg: string, kind: PageRef['kind'] = 'ask'): PageRef => ({ kind, lang: 'ru', arg });

  test('a short argument travels in the id itself', () => {
    const long = new LongArgs();
    const id = pageIdsFor(ref('Guterres', 'who-met'), long)(2);
    expect(id).toBe('page:who-met:ru:2:Guterres');
    expect(long.size).toBe(0);
    expect(parsePageId(id, long)).toEqual({ ok: true, ref: ref('Guterres', 'who-met'), page: 2 });
  });

  test('a long question (or one starting with #) goes through the table, once per message', () => {
    const long = new LongArgs();
    const question = `${'why '.repeat(120)}?`;
    const ids = pageIdsFor(ref(question), long);
    const [a, b] = [ids(1), ids(2)];
    expect(a.length).toBeLessThanOrEqual(100);
    expect(long.size).toBe(1);
    const parsed = parsePageId(b, long);
    expect(parsed).toEqual({ ok: true, ref: ref(question), page: 2, storedKey: b.slice(b.indexOf('#') + 1) });
    // the next buttons reuse the entry rather than adding one per click
    expect(parsed.ok && pageIdsFor(parsed.ref, long, parsed.storedKey)(3)).toBe(ids(3));
    expect(long.size).toBe(1);
    const hash = pageIdsFor(ref('#general'), long)(1);
    expect(parsePageId(hash, long)).toMatchObject({ ok: true, ref: { arg: '#general' } });
    expect(hash).not.toContain('general');
  });

  test('an argument gone from the table (restart, expiry) reads as expired; foreign ids as not-a-page', () => {
    let now = 0;
    const long = new LongArgs(10, 1000, () => now);
    const id = pageIdsFor(ref('x'.repeat(200)), long)(1);
    now = 2000;
    expect(parsePageId(id, long)).toEqual({ ok: false, reason: 'expired' });
    expect(parsePageId('page:ask:en:1:#nope', new LongArgs())).toEqual({ ok: false, reason: 'expired' });
    expect(parsePageId('something-else', long)).toEqual({ ok: false, reason: 'not-a-page' });
    expect(parsePageId('page:delete-all:en:1:x', long)).toEqual({ ok: false, reason: 'not-a-page' });
  });

  test('the table stays bounded', () => {
    const long = new LongArgs(3);
    for (let i = 0; i < 10; i++) pageIdsFor(ref(`${i}`.repeat(200)), long)(1);
    expect(long.size).toBe(3);
  });

  test('property: any argument round-trips through an id of at most 100 characters', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 600 }),
        fc.integer({ min: 0, max: 9999 }),
        fc.constantFrom('who-met' as const, 'topics' as const, 'ask' as const, 'source' as const),
        (arg, page, kind) => {
          const long = new LongArgs();
          const id = pageIdsFor({ kind, lang: 'en', arg }, long)(page);
          expect(id.length).toBeLessThanOrEqual(100);
          expect(parsePageId(id, long)).toMatchObject({ ok: true, ref: { kind, lang: 'en', arg }, page });
        },
      ),
    );
  });
});
