/**
 * Hostile input, end to end (issue 5, item 2): the real bot, logged into the simulator once, gets
 * hostile text through /ask, /who-met, /topics, /source, autocomplete on each option that has it,
 * a mention in a channel and a DM. The simulator validates every body like Discord (an over-limit
 * one would get 400 50035): none is rejected, every message goes out with
 * `allowed_mentions: { parse: [] }`, no text forms a mention or a link, and no one gets the error apology.
 */
import fc from 'fast-check';
import { BOT_STRINGS } from '../../src/discord/strings';
import type { RecordedRequest } from '../simulator';
import { setup, type Harness } from '../discord/setup';
import { SEED, choiceProblems, hostileText, locale, problemsOf, type SentBody } from './hostile-input';

/** Hostile inputs sent; each goes through 9 ways in (4 commands, 3 autocompletes, a mention, a DM). */
const RUNS = 50;

let h: Harness;
beforeAll(async () => {
  h = await setup();
});
afterAll(async () => {
  await h?.teardown();
});

const ERROR_TEXTS = new Set([BOT_STRINGS.en.error, BOT_STRINGS.ru.error]);

/** The message a request carries, if it carries one (a reply, an update, an edit, a follow-up, a channel message). */
function messageOf(r: RecordedRequest): (SentBody & { allowed_mentions?: unknown }) | null {
  const body = r.body as Record<string, unknown> | null;
  if (!body) return null;
  if (r.path.endsWith('/callback')) return body.type === 4 || body.type === 7 ? (body.data as SentBody) : null;
  if (r.path.startsWith('/webhooks/') && (r.method === 'PATCH' || r.method === 'POST')) return body as SentBody;
  if (/^\/channels\/\d+\/messages$/.test(r.path) && r.method === 'POST') return body as SentBody;
  return null;
}

function problemsOfRequest(r: RecordedRequest): string[] {
  const problems: string[] = [];
  if ((r.status ?? 0) >= 400) problems.push(`${r.method} ${r.path} → ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
  const body = r.body as { type?: number; data?: { choices?: Array<{ name: string; value: string }> } } | null;
  if (r.path.endsWith('/callback') && body?.type === 8) problems.push(...choiceProblems(body.data?.choices ?? []));
  const m = messageOf(r);
  if (m) {
    if (
      JSON.stringify(m.allowed_mentions) !== JSON.stringify({ parse: [] }) &&
      JSON.stringify(m.allowed_mentions) !== JSON.stringify({ parse: [], replied_user: false })
    ) {
      problems.push(`allowed_mentions ${JSON.stringify(m.allowed_mentions)} on ${r.method} ${r.path}`);
    }
    if (m.content && ERROR_TEXTS.has(m.content)) problems.push('the error apology');
    problems.push(...problemsOf(m));
  }
  return problems;
}

let inputs = 0;
let interactions = 0;
let messages = 0;

test(`${RUNS} hostile inputs × /ask, /who-met, /topics, /source, 3 autocompletes, a mention and a DM: all answered, none rejected, nobody pinged`, async () => {
  await fc.assert(
    fc.asyncProperty(hostileText, locale, async (text, loc) => {
      inputs++;
      const from = h.sim.requests.length;
      const user = h.sim.newUser(`fuzzer${inputs}`);
      const ctx = { user, locale: loc };
      const string = (name: string) => [{ name, type: 3, value: text }];
      const sent = [
        h.sim.slash('ask', string('question'), ctx),
        h.sim.slash('who-met', string('person'), ctx),
        h.sim.slash('topics', string('counterpart'), ctx),
        h.sim.slash('source', string('release'), ctx),
        h.sim.autocomplete('who-met', string('person'), ctx),
        h.sim.autocomplete('topics', string('counterpart'), ctx),
        h.sim.autocomplete('source', string('release'), ctx),
      ];
      interactions += sent.length;
      const callbacks = await Promise.all(sent.map((s) => h.sim.waitForCallback(s.id)));
      expect(callbacks.map((c) => c.type)).toEqual([4, 4, 4, 4, 8, 8, 8]);

      const mention = h.sim.message(text, { mentionsBot: true, author: user });
      const dm = h.sim.message(text, { dm: true, author: user });
      messages += 2;
      const isReplyTo = (id: string) => (r: RecordedRequest) =>
        r.method === 'POST' && (r.body as { message_reference?: { message_id?: string } } | null)?.message_reference?.message_id === id;
      await Promise.all([h.sim.waitForRequest(isReplyTo(mention.id)), h.sim.waitForRequest(isReplyTo(dm.id))]);

      const problems = h.sim.requests.slice(from).flatMap(problemsOfRequest);
      expect({ text, problems }).toEqual({ text, problems: [] });
    }),
    // e2e: report the first counterexample rather than shrink through the network
    { seed: SEED, numRuns: RUNS, endOnFailure: true },
  );
  expect(inputs).toBe(RUNS);
}, 60_000);

test('the bot logged no failure while being fuzzed', () => {
  const failures = h.logs.map((l) => JSON.parse(l) as { level: number; msg: string }).filter((l) => l.level >= 40);
  expect(failures).toEqual([]);
  expect({ interactions, messages }).toEqual({ interactions: RUNS * 7, messages: RUNS * 2 });
});

test('every message the bot sent in this file carried allowed_mentions { parse: [] }', () => {
  const bodies = h.sim.requests.map(messageOf).filter((m) => m !== null);
  expect(bodies.length).toBeGreaterThanOrEqual(RUNS * 6);
  for (const m of bodies) expect(m.allowed_mentions).toMatchObject({ parse: [] });
});
