/** The console (`npm start` without a token): commands and questions, typed or piped. */
import { PassThrough, Readable } from 'node:stream';
import { KnowledgeStore } from '../../src/core';
import { handle, runConsole } from '../../src/console/console';
import { tempKnowledge } from '../core/setup';

async function openStore(dir: string): Promise<KnowledgeStore> {
  const opened = await KnowledgeStore.open(dir);
  if (!opened.ok) throw new Error('knowledge does not load');
  return opened.store;
}

describe('console', () => {
  test('answers commands and free text, one block per line, when piped', async () => {
    const store = await openStore((await tempKnowledge()).dir);
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk: Buffer) => (text += chunk.toString()));
    await runConsole(store, Readable.from(['/who-met guteres\n', 'who is the WIPO Director General?\n', '/quit\n', 'never read\n']), output);
    expect(text).toContain('António Guterres — UN Secretary-General');
    expect(text).toContain('Daren Tang');
    expect(text).not.toContain('never read');
  });

  test('/topics, /source, /help and an unknown command', async () => {
    const store = await openStore((await tempKnowledge()).dir);
    expect(await handle(store, '/topics swiss')).toContain('Ignazio Cassis');
    expect(await handle(store, '/source')).toContain('[11] On the same day');
    expect(await handle(store, '/help')).toContain('/reload');
    expect(await handle(store, '/nope')).toMatch(/^Unknown command “\/nope”/);
  });

  test('/reload reports what changed, and a broken file keeps the old knowledge', async () => {
    const k = await tempKnowledge();
    const store = await openStore(k.dir);
    k.replace('entities.yaml', 'aliases: [Daren Tang, Tang, Дарен Тан, Тан]', 'aliases: [Daren Tang, Tang, Дарен Тан, Тан, Zorblax]');
    expect(await handle(store, '/reload')).toMatch(/^Reloaded: 1 release\(s\), facts 22 → 22/);
    expect(await handle(store, 'who is zorblax')).toContain('Daren Tang');
    k.replace('entities.yaml', 'name: Daren Tang', 'name: [');
    const failed = await handle(store, '/reload');
    expect(failed).toContain('Reload failed; the previous knowledge is still answering.');
    expect(failed).toContain('entities.yaml');
    expect(await handle(store, 'who is zorblax')).toContain('Daren Tang');
  });
});
