/**
 * Hostile input, render level (issue 5, item 2): what the Discord adapter would send for whatever a
 * user types — /ask, /who-met, /topics, /source, a mention, the page buttons of each answer, and
 * autocomplete — over the shipped knowledge. Every message stays within Discord's limits, no user
 * text can form a mention or a link (Markdown-escaped, mentions and URLs defused), every page button
 * leads back to its page, and nothing can override `allowed_mentions: { parse: [] }`.
 */
import fc from 'fast-check';
import type { Message } from 'discord.js';
import { createEngine, loadKnowledge, type Engine, type Lang } from '../../src/core';
import { createClient } from '../../src/discord/client';
import { COMMANDS, COMMANDS_BY_NAME, PAGERS } from '../../src/discord/commands';
import { askView } from '../../src/discord/commands/ask';
import { bounded } from '../../src/discord/commands/options';
import { sourceReply } from '../../src/discord/commands/source';
import { topicsView } from '../../src/discord/commands/topics';
import { whoMetView } from '../../src/discord/commands/who-met';
import { questionFor } from '../../src/discord/messages';
import { LongArgs, pageIdsFor, parsePageId, type PageKind, type PageRef } from '../../src/discord/paging';
import { defuse, md, toChoices, type View } from '../../src/discord/render';
import { langOf } from '../../src/discord/strings';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/app/paths';
import { validateChoices } from '../simulator';
import { SEED, choiceProblems, hostileText, locale, problemsOf } from './hostile-input';

fc.configureGlobal({ seed: SEED, numRuns: 600 });

/** Inputs per property (each input renders several messages: see the test names). */
const RUNS = { commands: 600, buttons: 300, autocomplete: 1000 } as const;
const BOT_ID = '123456789012345678';

let engine: Engine;
beforeAll(async () => {
  const loaded = await loadKnowledge(DEFAULT_KNOWLEDGE_DIR);
  if (!loaded.ok) throw new Error('the shipped knowledge does not load');
  engine = createEngine(loaded.knowledge);
});

const long = new LongArgs();
let rendered = 0;

/** Fails the property with every problem of the message, and the message. */
function expectSendable(view: View | null, what: string): void {
  if (!view) return;
  rendered++;
  expect('allowedMentions' in view || 'allowed_mentions' in view).toBe(false); // the client's { parse: [] } applies
  const problems = problemsOf(view);
  expect({ what, problems }).toEqual({ what, problems: [] });
}

function viewsFor(text: string, lang: Lang, page: number): Array<[string, View | null]> {
  const ref = (kind: PageKind, arg: string): PageRef => ({ kind, lang, arg });
  const question = questionFor(
    { author: { id: '1', bot: false }, system: false, content: `<@${BOT_ID}> ${text}`, inGuild: () => true } as unknown as Message,
    BOT_ID,
  );
  return [
    ['/ask', askView(engine, ref('ask', text.trim()), page, pageIdsFor(ref('ask', text.trim()), long))],
    ['mention', question === null ? null : askView(engine, ref('ask', question), 1, pageIdsFor(ref('ask', question), long))],
    ['/who-met', whoMetView(engine, ref('who-met', bounded(text)), page, pageIdsFor(ref('who-met', bounded(text)), long))],
    ['/topics', topicsView(engine, ref('topics', bounded(text)), page, pageIdsFor(ref('topics', bounded(text)), long))],
    // unbounded too: the renderer must hold every limit whatever reaches it
    ['who-met (raw)', whoMetView(engine, ref('who-met', text.slice(0, 500)), page, pageIdsFor(ref('who-met', text.slice(0, 500)), long))],
    ['topics (raw)', topicsView(engine, ref('topics', text.slice(0, 500)), page, pageIdsFor(ref('topics', text.slice(0, 500)), long))],
    ['/source', sourceReply(engine, bounded(text), lang, long)],
  ];
}

test(`/ask, a mention, /who-met, /topics, /source: ${RUNS.commands} hostile inputs × 7 messages each — within every limit, no mention, no link`, () => {
  fc.assert(
    fc.property(hostileText, locale, fc.integer({ min: 1, max: 5 }), (text, loc, page) => {
      for (const [what, view] of viewsFor(text, langOf(loc), page)) expectSendable(view, what);
    }),
    { numRuns: RUNS.commands },
  );
  expect(rendered).toBeGreaterThanOrEqual(RUNS.commands * 6);
});

test(`page buttons: ${RUNS.buttons} hostile inputs — every custom_id is 1–100 characters, parses back to its argument, and its page renders`, () => {
  fc.assert(
    fc.property(hostileText, locale, (text, loc) => {
      for (const [what, view] of viewsFor(text, langOf(loc), 1)) {
        for (const button of (view?.components ?? []).flatMap((row) => row.components)) {
          if (!('custom_id' in button)) continue;
          const parsed = parsePageId(button.custom_id, long);
          expect({ what, id: button.custom_id, ok: parsed.ok }).toEqual({ what, id: button.custom_id, ok: true });
          if (!parsed.ok) continue;
          const again = PAGERS[parsed.ref.kind](engine, parsed.ref, parsed.page, pageIdsFor(parsed.ref, long, parsed.storedKey));
          expectSendable(again, `${what} page ${parsed.page}`);
        }
      }
      // and the id round-trips the exact argument, whatever it holds
      const ids = pageIdsFor({ kind: 'ask', lang: 'en', arg: text }, long);
      const back = parsePageId(ids(2), long);
      expect(back).toMatchObject({ ok: true, page: 2, ref: { kind: 'ask', arg: text } });
    }),
    { numRuns: RUNS.buttons },
  );
});

test(`autocomplete: ${RUNS.autocomplete} hostile partial values × every option with autocomplete — ≤25 choices, names and values 1–100`, () => {
  const withAutocomplete = COMMANDS.filter((c) => c.autocomplete);
  expect(withAutocomplete.map((c) => c.definition.name).sort()).toEqual(['source', 'topics', 'who-met']);
  fc.assert(
    fc.property(hostileText, (typed) => {
      for (const command of withAutocomplete) {
        const option = command.definition.options?.find((o) => 'autocomplete' in o && o.autocomplete);
        const choices = toChoices(COMMANDS_BY_NAME.get(command.definition.name)!.autocomplete!(engine, { name: option!.name, value: typed }));
        expect({ command: command.definition.name, problems: choiceProblems(choices) }).toEqual({ command: command.definition.name, problems: [] });
        expect(validateChoices({ choices })).toBeNull();
      }
    }),
    { numRuns: RUNS.autocomplete },
  );
});

test('the client pings no one by default, and no view carries its own allowed_mentions', () => {
  expect(createClient({ apiUrl: undefined }).options.allowedMentions).toEqual({ parse: [] });
});

describe('defuse and md: the user’s words read the same and form nothing', () => {
  test.each([
    ['@everyone', '@\u200beveryone'],
    ['@here and @Everyone', '@\u200bhere and @\u200bEveryone'],
    ['<@123456789012345678>', '<\u200b@123456789012345678>'],
    ['<@!123456789012345678>', '<\u200b@!123456789012345678>'],
    ['<@&123456789012345678>', '<\u200b@&123456789012345678>'],
    ['<#123456789012345678>', '<\u200b#123456789012345678>'],
    ['</ask:123456789012345678>', '<\u200b/ask:123456789012345678>'],
    ['<id:customize>', '<\u200bid:customize>'],
    ['see https://evil.example', 'see https:\u200b//evil.example'],
    ['Guterres, Türk — 👨‍👩‍👧‍👦 ‮', 'Guterres, Türk — 👨‍👩‍👧‍👦 ‮'],
  ])('defuse(%j)', (input, expected) => {
    expect(defuse(input)).toBe(expected);
    expect(problemsOf({ content: defuse(input) })).toEqual([]);
  });

  test('md escapes Markdown (every masked link, code fences, headings, quotes, subtext) and defuses', () => {
    expect(md('[a](x) [b](y)')).toBe('\\[a](x) \\[b](y)'); // escapeMarkdown's maskedLink escapes only the first
    expect(md('\\[b](y)')).toBe('\\\\\\[b](y)'); // a typed backslash cannot cancel the escape
    expect(md('> quote\n-# subtext')).toBe('\\> quote\n\\-# subtext');
    expect(md('[free nitro](https://evil.example) ```js\n# hi')).toBe('\\[free nitro](https:\u200b//evil.example) \\`\\`\\`js\n\\# hi');
  });

  test('a /source for a release nobody has: the ephemeral "no release matches" quotes the words defused', () => {
    const view = sourceReply(engine, '@everyone <@&123456789012345678> [x](https://evil.example)', 'en', long);
    expect(view.content).toBe('No release matches “@\u200beveryone <\u200b@&123456789012345678> \\[x](https:\u200b//evil.example)”.');
    expect(problemsOf(view)).toEqual([]);
  });
});
