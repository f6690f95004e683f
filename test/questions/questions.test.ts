/**
 * Question sets as data: every test/questions/*.yaml file is a list of rows, run by this one
 * table test against the engine over the shipped knowledge. Tuning the engine shows as a data diff:
 * a row that starts (or stops) passing is a one-line change in a YAML file.
 *
 * A row:
 *   - q: "who's the wipo boss"        the question, as a user would type it
 *     status: answered                answered | not_found
 *     must: [[Daren Tang], [WIPO, World Intellectual Property]]
 *                                     every group needs one of its alternatives in the answer text
 *     mustNot: [Tedros]               none of these may be in the answer text
 *     kind: who                       optional: who / topics / facts / summary / yesno / abstain /
 *                                     paraphrase / partial / fuzzy / ru / translit / …
 *     failing: true                   optional: a known failure, run with jest's `test.failing` —
 *                                     it turns into an error the day it passes, and then somebody
 *                                     deletes the flag (SHOW_KNOWN_FAILURES=1 runs them as plain tests)
 *     note: "…"                       optional: why the row is there or why it fails
 * `must`/`mustNot` belong to answered rows only; a not_found row is right when the engine says
 * not_found, whatever the words.
 *
 * Judged exactly as ../shared/eval/score.mjs judges: the answer text is what the CLI's `ask --json`
 * puts in "answer" (`toPlainText(answer, engine.knowledge)`, the same exported function the CLI
 * calls); matching is NFKD, marks stripped, curly ’‘ → ', lower-cased, whitespace collapsed, and
 * an answer over 4000 characters is wrong. An answered row that got not_found is "missed"; any
 * other failure is "wrong" (a wrong fact, or an answer where the release is silent).
 *
 * A second source of rows: ../shared/eval/dev.jsonl and chat-dev.jsonl, read in place when
 * ../shared is there (never copied here). Their known failures are listed by id in
 * test/questions/shared/failing.yaml. A per-file, per-kind tally (right / missed / wrong) goes to
 * stderr after the run.
 *
 *   npx jest test/questions --maxWorkers=1
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { ask, createEngine, formatDate, loadKnowledge, toPlainText, type Answer, type Engine } from '../../src/core';
import { judgeAnswer, norm, type Outcome } from './judge';

const HERE = __dirname;
const ROOT = path.resolve(HERE, '../..');
const KNOWLEDGE_DIR = path.join(ROOT, 'knowledge');
const SHARED_EVAL = path.resolve(ROOT, '../shared/eval');
const SHARED_SETS = ['dev.jsonl', 'chat-dev.jsonl'];
const SHARED_FAILING = path.join(HERE, 'shared/failing.yaml');
const showKnownFailures = Boolean(process.env.SHOW_KNOWN_FAILURES);

// ── Rows ────────────────────────────────────────────────────────────────────────────────────────

/** Kept as written — no trimming: score.mjs matches "Yes " with its space, so must this. */
const text = z.string().refine((s) => s.trim().length > 0, 'must not be blank');

const RowSchema = z
  .object({
    q: text,
    status: z.enum(['answered', 'not_found']),
    must: z.array(z.array(text).min(1)).optional(),
    mustNot: z.array(text).optional(),
    kind: text.optional(),
    failing: z.boolean().optional(),
    note: text.optional(),
  })
  .strict()
  .superRefine((row, ctx) => {
    if (row.status === 'answered' && !row.must?.length)
      ctx.addIssue({ code: 'custom', path: ['must'], message: 'an answered row needs at least one must group' });
    if (row.status === 'not_found' && (row.must || row.mustNot))
      ctx.addIssue({ code: 'custom', path: ['must'], message: 'a not_found row takes no must/mustNot (only the status is judged)' });
  });

/** The public sets' format (../shared/eval/*.jsonl). */
const SharedItemSchema = z.object({
  id: text,
  cat: text.optional(),
  q: z.string(),
  abstain: z.boolean().optional(),
  must: z.array(z.array(text).min(1)).optional(),
  mustNot: z.array(text).optional(),
});

const SharedFailingSchema = z.record(z.string(), z.array(text));

interface Row {
  /** Where the row comes from: "chat.yaml#12" or "chat-dev.jsonl:d017". */
  where: string;
  set: string;
  q: string;
  status: 'answered' | 'not_found';
  must: string[][];
  mustNot: string[];
  kind: string;
  failing: boolean;
}

function issues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(row)'}: ${i.message}`).join('; ');
}

/** Every row of every test/questions/*.yaml; throws (the suite fails to run) on any malformed row. */
function loadYamlSets(): Row[] {
  const rows: Row[] = [];
  const errors: string[] = [];
  const files = readdirSync(HERE)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  for (const file of files) {
    let data: unknown;
    try {
      data = parse(readFileSync(path.join(HERE, file), 'utf8'));
    } catch (error) {
      errors.push(`${file}: not valid YAML: ${(error as Error).message}`);
      continue;
    }
    if (!Array.isArray(data)) {
      errors.push(`${file}: expected a list of rows at the top level`);
      continue;
    }
    const seen = new Map<string, number>();
    data.forEach((raw: unknown, index) => {
      const parsed = RowSchema.safeParse(raw);
      const q = (raw as { q?: unknown } | null)?.q;
      const label = `${file} row ${index}${typeof q === 'string' ? ` (${JSON.stringify(q)})` : ''}`;
      if (!parsed.success) {
        errors.push(`${label}: ${issues(parsed.error)}`);
        return;
      }
      const row = parsed.data;
      const key = norm(row.q);
      if (seen.has(key)) errors.push(`${label}: the same question as row ${seen.get(key)}`);
      seen.set(key, index);
      rows.push({
        where: `${file}#${index}`,
        set: file,
        q: row.q,
        status: row.status,
        must: row.must ?? [],
        mustNot: row.mustNot ?? [],
        kind: row.kind ?? (row.status === 'not_found' ? 'abstain' : 'other'),
        failing: row.failing ?? false,
      });
    });
  }
  if (errors.length) throw new Error(`malformed question rows in test/questions/:\n  ${errors.join('\n  ')}`);
  return rows;
}

/** The public sets, when ../shared is there; their known failures come from shared/failing.yaml. */
function loadSharedSets(): { rows: Row[]; failing: Record<string, string[]> } {
  const failing = SharedFailingSchema.parse(existsSync(SHARED_FAILING) ? (parse(readFileSync(SHARED_FAILING, 'utf8')) ?? {}) : {});
  const rows: Row[] = [];
  const errors: string[] = [];
  for (const set of SHARED_SETS) {
    const file = path.join(SHARED_EVAL, set);
    if (!existsSync(file)) continue;
    const known = new Set(failing[set] ?? []);
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (!line.trim()) return;
        let raw: unknown;
        try {
          raw = JSON.parse(line);
        } catch (error) {
          errors.push(`${set} line ${index + 1}: not JSON: ${(error as Error).message}`);
          return;
        }
        const parsed = SharedItemSchema.safeParse(raw);
        if (!parsed.success) {
          errors.push(`${set} line ${index + 1}: ${issues(parsed.error)}`);
          return;
        }
        const item = parsed.data;
        rows.push({
          where: `${set}:${item.id}`,
          set,
          q: item.q,
          status: item.abstain ? 'not_found' : 'answered',
          must: item.must ?? [],
          mustNot: item.mustNot ?? [],
          kind: item.cat ?? 'all',
          failing: known.has(item.id),
        });
      });
  }
  if (errors.length) throw new Error(`malformed rows in ${SHARED_EVAL}:\n  ${errors.join('\n  ')}`);
  return { rows, failing };
}

// ── Judging, as ../shared/eval/score.mjs does ───────────────────────────────────────────────────

interface Verdict {
  outcome: Outcome;
  why: string;
  status: Answer['status'];
  text: string;
}

/** The "answer" field of `cli ask --json`, with the CLI's fallback when ask throws. */
function answerText(engine: Engine, q: string): { status: Answer['status']; text: string } {
  let answer: Answer;
  try {
    answer = ask(engine, q);
  } catch (error) {
    return { status: 'not_found', text: `ask threw: ${(error as Error).message}` };
  }
  return { status: answer.status, text: toPlainText(answer, engine.knowledge) };
}

function judge(row: Row, got: { status: Answer['status']; text: string }): Verdict {
  return {
    status: got.status,
    text: got.text,
    ...judgeAnswer({ abstain: row.status === 'not_found', must: row.must, mustNot: row.mustNot }, got.status, got.text),
  };
}

// ── The table ───────────────────────────────────────────────────────────────────────────────────

const yamlRows = loadYamlSets();
const shared = loadSharedSets();
const verdicts = new Map<Row, Verdict>();

let engine: Engine;
let releaseText = '';
beforeAll(async () => {
  const loaded = await loadKnowledge(KNOWLEDGE_DIR);
  if (!loaded.ok) throw new Error(`the shipped knowledge does not load:\n${JSON.stringify(loaded.errors, null, 2)}`);
  engine = createEngine(loaded.knowledge);
  // What a correct answer can quote: the release's paragraphs, title, source, and its date as rendered.
  releaseText = norm(
    [...loaded.knowledge.releases.values()]
      .flatMap((r) => [...r.paragraphs, r.title, r.source, r.date, formatDate(r.date, 'en'), formatDate(r.date, 'ru')])
      .join('\n'),
  );
});

function runRow(row: Row): void {
  const name = `${row.where} [${row.kind}] ${row.q}`;
  const t = row.failing && !showKnownFailures ? test.failing : test;
  t(name, () => {
    const verdict = judge(row, answerText(engine, row.q));
    verdicts.set(row, verdict);
    if (verdict.outcome !== 'right') {
      throw new Error(`${verdict.outcome}: ${verdict.why}\nexpected ${row.status}, got ${verdict.status}:\n${verdict.text}`);
    }
  });
}

describe('the question sets in test/questions/*.yaml', () => {
  const bySet = new Map<string, Row[]>();
  for (const row of yamlRows) bySet.set(row.set, [...(bySet.get(row.set) ?? []), row]);
  for (const [set, rows] of bySet) {
    describe(set, () => {
      rows.forEach(runRow);
    });
  }

  test('every must group has an alternative the release itself contains (no must the release cannot support)', () => {
    const unsupported = yamlRows.flatMap((row) =>
      row.must
        .filter((group) => !group.some((alt) => releaseText.includes(norm(alt))))
        .map((group) => `${row.where} ${JSON.stringify(row.q)}: ${JSON.stringify(group)}`),
    );
    expect(unsupported).toEqual([]);
  });
});

describe('the public sets in ../shared/eval (read in place, never copied)', () => {
  if (!shared.rows.length) {
    test.skip(`skipped: ${SHARED_EVAL} is not there (the public dev sets live in the shared folder beside the worktree)`, () => undefined);
    return;
  }
  const bySet = new Map<string, Row[]>();
  for (const row of shared.rows) bySet.set(row.set, [...(bySet.get(row.set) ?? []), row]);
  for (const [set, rows] of bySet) {
    describe(set, () => {
      rows.forEach(runRow);
    });
  }

  test('no row of test/questions/*.yaml copies a public question (they stay in ../shared only)', () => {
    const publicQuestions = new Set(shared.rows.map((r) => norm(r.q).trim()));
    expect(yamlRows.filter((r) => publicQuestions.has(norm(r.q).trim())).map((r) => `${r.where} ${r.q}`)).toEqual([]);
  });

  test('shared/failing.yaml names only ids that exist', () => {
    const ids = new Set(shared.rows.map((r) => r.where));
    const stale = Object.entries(shared.failing).flatMap(([set, list]) => list.filter((id) => !ids.has(`${set}:${id}`)).map((id) => `${set}:${id}`));
    expect(stale).toEqual([]);
  });
});

// ── The tally ───────────────────────────────────────────────────────────────────────────────────

afterAll(() => {
  if (!verdicts.size) return;
  type Tally = Record<Outcome, number> & { flagged: number };
  const tallies = new Map<string, Map<string, Tally>>(); // set → kind ("(all)" too) → tally
  const flips: string[] = [];
  for (const [row, verdict] of verdicts) {
    const bySet = tallies.get(row.set) ?? new Map<string, Tally>();
    tallies.set(row.set, bySet);
    for (const kind of ['(all)', row.kind]) {
      const t = bySet.get(kind) ?? { right: 0, missed: 0, wrong: 0, flagged: 0 };
      t[verdict.outcome]++;
      if (row.failing) t.flagged++;
      bySet.set(kind, t);
    }
    if (row.failing && verdict.outcome === 'right') flips.push(`${row.where} ${JSON.stringify(row.q)}`);
  }
  const lines: string[] = [];
  for (const set of [...tallies.keys()].sort()) {
    const bySet = tallies.get(set)!;
    const kinds = ['(all)', ...[...bySet.keys()].filter((k) => k !== '(all)').sort()];
    for (const kind of kinds) {
      const t = bySet.get(kind)!;
      const total = t.right + t.missed + t.wrong;
      const name = kind === '(all)' ? set : `  ${kind}`;
      lines.push(
        `${name.padEnd(18)} ${String(t.right).padStart(3)}/${String(total).padEnd(3)} right ${String(t.missed).padStart(3)} missed ${String(t.wrong).padStart(3)} wrong   ${t.flagged} marked failing`,
      );
    }
  }
  if (flips.length) lines.push('', 'marked failing but now right (delete their `failing: true`):', ...flips.map((f) => `  ${f}`));
  process.stderr.write(`\nquestion sets, engine over the shipped knowledge (right / missed / wrong, as score.mjs counts):\n${lines.join('\n')}\n`);
});
