/**
 * The command line over the core. A contract other tools rely on:
 *   cli ask --json            one question per stdin line → one JSON object per stdout line
 *   cli ask [--json] "Q"      one question
 *   cli who-met [NAME] [--json]
 *   cli topics [NAME] [--json]
 *   cli check                 validates the knowledge folder; exit 1 on any error
 *   cli draft FILE.txt [--id ID] [--out DIR] [--force]
 *                             writes a draft entry for a raw release; stdout: the two paths written
 * stdout carries only answers (JSON on --json paths); messages go to stderr.
 */
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { ask, createEngine, formatErrors, loadKnowledge, toPlainText, topics, whoMet, type Answer, type Engine } from '../core';
import { knowledgeDir, PARSE_CACHE_DIR } from '../app/paths';

const USAGE = `usage: cli <command> [--json] [args]
  ask [QUESTION]     answer a question (without QUESTION: one per stdin line)
  who-met [NAME]     the people met, or those matching NAME
  topics [NAME]      the topics of the visit, or of the meeting with NAME
  check              validate the knowledge folder (KNOWLEDGE_DIR, default knowledge/)
  draft FILE.txt     draft a knowledge entry from a release's raw text [--id ID] [--out DIR] [--force]`;

/** The command line's options (parseArgs throws on an unknown one). */
function parseCliArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
      // draft's options
      id: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
}

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseCliArgs>;
  try {
    parsed = parseCliArgs(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  const json = parsed.values.json ?? false;
  if (parsed.values.help || !command) {
    process.stderr.write(`${USAGE}\n`);
    return command || parsed.values.help ? 0 : 2;
  }
  const dir = knowledgeDir(process.env.KNOWLEDGE_DIR);
  if (command === 'draft') {
    // Before loading: a draft may start an empty knowledge folder, and reports a broken one itself.
    const [file, ...extra] = rest;
    if (!file || extra.length) {
      process.stderr.write(`draft takes one file\n${USAGE}\n`);
      return 2;
    }
    const { id, out, force } = parsed.values;
    // Loaded only here: the questions, the commands a one-shot run is timed on, never need it.
    const { draftRelease } = await import('../draft/draft');
    const result = await draftRelease({ file, knowledgeDir: dir, ...(id ? { id } : {}), ...(out ? { out } : {}), force: force ?? false });
    process.stderr.write(result.report.map((line) => `${line}\n`).join(''));
    if (!result.ok) return 1;
    process.stdout.write(`${result.textFile}\n${result.yamlFile}\n`);
    return 0;
  }
  // `check` parses for real: it is what a moderator runs on a folder to see every error.
  const loaded = await loadKnowledge(dir, command === 'check' ? {} : { parseCacheDir: PARSE_CACHE_DIR });
  if (command === 'check') {
    if (!loaded.ok) {
      for (const line of formatErrors(loaded.errors)) process.stdout.write(`error: ${line}\n`);
      process.stdout.write(`${loaded.errors.length} error${loaded.errors.length === 1 ? '' : 's'} in ${dir}\n`);
      return 1;
    }
    const k = loaded.knowledge;
    for (const line of formatErrors(loaded.warnings)) process.stdout.write(`warning: ${line}\n`);
    process.stdout.write(`ok: ${k.releases.size} release(s), ${k.entities.size} entities, ${k.meetings.size} meetings, ${k.facts.size} facts in ${dir}\n`);
    return 0;
  }
  if (!loaded.ok) {
    process.stderr.write(
      `The knowledge in ${dir} does not load:\n${formatErrors(loaded.errors)
        .map((l) => `  ${l}\n`)
        .join('')}`,
    );
    return 1;
  }
  const engine = createEngine(loaded.knowledge);
  const text = rest.join(' ');
  switch (command) {
    case 'ask':
      if (text) print(engine, text, ask(engine, text), json);
      else await askEachLine(engine, json);
      return 0;
    case 'who-met': {
      const answer = whoMet(engine, text || undefined);
      if (json) process.stdout.write(`${JSON.stringify({ ...toJson(engine, text, answer), people: answer.people })}\n`);
      else process.stdout.write(`${toPlainText(answer, engine.knowledge)}\n`);
      return answer.status === 'answered' ? 0 : 1;
    }
    case 'topics': {
      const answer = topics(engine, text || undefined);
      print(engine, text, answer, json);
      return answer.status === 'answered' ? 0 : 1;
    }
    default:
      process.stderr.write(`unknown command "${command}"\n${USAGE}\n`);
      return 2;
  }
}

async function askEachLine(engine: Engine, json: boolean): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    // Every input line gets its output line, so callers can pair them by position;
    // a question that breaks the engine is reported on its own line, not fatal to the batch.
    let answer: Answer;
    try {
      answer = ask(engine, line);
    } catch (error) {
      process.stderr.write(`ask failed for ${JSON.stringify(line.slice(0, 200))}: ${(error as Error).stack ?? String(error)}\n`);
      answer = { status: 'not_found', summary: "Sorry, I couldn't answer that one.", items: [], sources: [], lang: 'en' };
    }
    print(engine, line, answer, json);
  }
}

function print(engine: Engine, question: string, answer: Answer, json: boolean): void {
  process.stdout.write(json ? `${JSON.stringify(toJson(engine, question, answer))}\n` : `${toPlainText(answer, engine.knowledge)}\n\n`);
}

function toJson(engine: Engine, question: string, answer: Answer) {
  return {
    question,
    status: answer.status,
    answer: toPlainText(answer, engine.knowledge),
    sources: answer.sources.map((s) => ({ release: s.release, paragraph: s.paragraph, quote: s.quote })),
  };
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`cli failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
