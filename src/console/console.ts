/**
 * The console: `npm start` without a Discord token. The same operations as the bot,
 * typed or piped: "/who-met guterres", "/topics", "/reload", "/help", or a question.
 */
import { createInterface } from 'node:readline';
import { ask, releaseDateText, formatErrors, toPlainText, topics, whoMet, type KnowledgeStore } from '../core';

const HELP = `Ask a question in plain words (English or Russian), or use a command:
  /who-met [name]    who the minister met, or who matches a name, title, organization or country
  /topics [name]     what the visit covered, or what one meeting covered
  /source            the release: title, date, source and text
  /reload            re-read the knowledge folder (a broken file keeps the old knowledge)
  /help              this help
  /quit              leave`;

export async function runConsole(store: KnowledgeStore, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const interactive = Boolean((input as { isTTY?: boolean }).isTTY);
  const lines = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, crlfDelay: Infinity });
  const write = (text: string): void => {
    output.write(`${text}\n\n`);
  };
  const k = store.current().knowledge;
  write(`Attaché — ${k.releases.size} release(s), ${k.meetings.size} meetings, ${k.facts.size} facts. Type /help for commands.`);
  if (interactive) lines.setPrompt('› ');
  if (interactive) lines.prompt();
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === '/quit' || line === '/exit') break;
    if (line) write(await handle(store, line));
    if (interactive) lines.prompt();
  }
  lines.close();
}

/** One console line → the text to show. Exported for tests. */
export async function handle(store: KnowledgeStore, line: string): Promise<string> {
  const engine = store.current();
  if (!line.startsWith('/')) return toPlainText(ask(engine, line), engine.knowledge);
  const [command = '', ...rest] = line.slice(1).split(/\s+/);
  const arg = rest.join(' ').trim() || undefined;
  switch (command.toLowerCase()) {
    case 'who-met':
    case 'whomet':
      return toPlainText(whoMet(engine, arg), engine.knowledge);
    case 'topics':
      return toPlainText(topics(engine, arg), engine.knowledge);
    case 'ask':
      return toPlainText(ask(engine, arg ?? ''), engine.knowledge);
    case 'source':
      return [...engine.knowledge.releases.values()]
        .map((r) => [`${r.title}`, `${releaseDateText(r)} — ${r.source}`, '', ...r.paragraphs.map((p, i) => `[${i + 1}] ${p}`)].join('\n'))
        .join('\n\n');
    case 'reload': {
      const result = await store.reload();
      if (!result.ok) return [`Reload failed; the previous knowledge is still answering.`, ...formatErrors(result.errors).map((l) => `  ${l}`)].join('\n');
      const c = result.changes;
      return [
        `Reloaded: ${result.engine.knowledge.releases.size} release(s), facts ${c.factsBefore} → ${c.factsAfter}.`,
        ...(c.releasesAdded.length ? [`  releases added: ${c.releasesAdded.join(', ')}`] : []),
        ...(c.releasesRemoved.length ? [`  releases removed: ${c.releasesRemoved.join(', ')}`] : []),
        ...(c.peopleAdded.length ? [`  people added: ${c.peopleAdded.join(', ')}`] : []),
        ...(c.peopleRemoved.length ? [`  people removed: ${c.peopleRemoved.join(', ')}`] : []),
      ].join('\n');
    }
    case 'help':
      return HELP;
    default:
      return `Unknown command “/${command}”. ${HELP}`;
  }
}
