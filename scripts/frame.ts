/** Prints the frame the reader makes of each question (a developer's look at read/read.ts): `npx tsx scripts/frame.ts "question"…`. */
import { createEngine, loadKnowledge } from '../src/core';
import { read } from '../src/core/read/read';
import { knowledgeDir } from '../src/app/paths';

async function main(): Promise<void> {
  const loaded = await loadKnowledge(knowledgeDir(process.env['KNOWLEDGE_DIR']));
  if (!loaded.ok) throw new Error('knowledge does not load');
  const engine = createEngine(loaded.knowledge);
  for (const q of process.argv.slice(2)) {
    const f = read(q, engine.index);
    console.log(q, JSON.stringify({ ...f, intents: [...f.intents], links: f.links.map((l) => l.entity) }));
  }
}
void main();
