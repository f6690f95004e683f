/**
 * The JSON `deploy-commands --dry-run` prints — run as a real process with an empty environment —
 * against Discord's rules for application commands (docs/discord.md "Limits to respect").
 */
import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { COMMANDS } from '../../src/discord/commands';
import { DEFINITIONS } from '../../src/discord/commands/definitions';
import { DISCORD_LOCALES, validateCommands } from '../simulator';

const ROOT = path.resolve(__dirname, '..', '..');
const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

type Json = Record<string, any>;
let commands: Json[];

beforeAll(async () => {
  // No DISCORD_* variables, and a working directory without a .env: the dry run needs neither.
  const { stdout } = await promisify(execFile)(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'src/discord/deploy.ts'), '--dry-run'], {
    cwd: os.tmpdir(),
    env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir() },
  });
  commands = JSON.parse(stdout) as Json[];
}, 60_000);

function validName(name: unknown): boolean {
  return typeof name === 'string' && NAME.test(name) && name === name.toLowerCase();
}
function validDescription(d: unknown): boolean {
  return typeof d === 'string' && [...d].length >= 1 && [...d].length <= 100;
}
/** Characters Discord counts toward a command's 8000: names, descriptions, values, all localizations. */
function size(c: Json): number {
  const loc = (o: Json | undefined) => Object.values(o ?? {}).reduce((n: number, s) => n + [...String(s)].length, 0);
  let n = [...c.name].length + [...(c.description ?? '')].length + loc(c.name_localizations) + loc(c.description_localizations);
  for (const o of c.options ?? []) n += size(o);
  for (const ch of c.choices ?? []) n += [...ch.name].length + [...String(ch.value)].length + loc(ch.name_localizations);
  return n;
}

test('prints every command of the registry, in order, as JSON on stdout', () => {
  expect(commands.map((c) => c.name)).toEqual(['who-met', 'topics', 'ask', 'source', 'help', 'reload']);
  expect(commands).toEqual(JSON.parse(JSON.stringify(DEFINITIONS)));
  // the registry and the deployed definitions are the same objects: no command without a handler
  expect(COMMANDS.map((c) => c.definition)).toEqual([...DEFINITIONS]);
});

test("Discord's simulator-side validator accepts the bulk overwrite", () => {
  expect(validateCommands(commands)).toBeNull();
});

describe.each(DEFINITIONS.map((d) => [d.name]))('/%s', (name) => {
  const cmd = () => commands.find((c) => c.name === name)!;

  test('names: lower-case, 1–32 of the allowed characters; options unique', () => {
    const c = cmd();
    expect(validName(c.name)).toBe(true);
    for (const o of c.options ?? []) expect(validName(o.name)).toBe(true);
    const names = (c.options ?? []).map((o: Json) => o.name);
    expect(new Set(names).size).toBe(names.length);
  });

  test('descriptions: 1–100 characters, the command and each option', () => {
    const c = cmd();
    expect(validDescription(c.description)).toBe(true);
    for (const o of c.options ?? []) expect(validDescription(o.description)).toBe(true);
  });

  test('a Russian name and description for the command and every option, valid like the defaults', () => {
    const c = cmd();
    for (const x of [c, ...(c.options ?? [])]) {
      expect(Object.keys(x.name_localizations)).toEqual(['ru']);
      expect(Object.keys(x.description_localizations)).toEqual(['ru']);
      expect(validName(x.name_localizations.ru)).toBe(true);
      expect(validDescription(x.description_localizations.ru)).toBe(true);
      for (const locale of [...Object.keys(x.name_localizations), ...Object.keys(x.description_localizations)]) expect(DISCORD_LOCALES.has(locale)).toBe(true);
    }
  });

  test('≤25 options, required first; autocomplete never with choices; ≤8000 characters', () => {
    const c = cmd();
    const options: Json[] = c.options ?? [];
    expect(options.length).toBeLessThanOrEqual(25);
    const firstOptional = options.findIndex((o) => !o.required);
    if (firstOptional >= 0) expect(options.slice(firstOptional).every((o) => !o.required)).toBe(true);
    for (const o of options) {
      expect(o.autocomplete && o.choices?.length).toBeFalsy();
      expect((o.choices ?? []).length).toBeLessThanOrEqual(25);
    }
    expect(size(c)).toBeLessThanOrEqual(8000);
    expect(c.type ?? 1).toBe(1);
  });
});

test('/reload: Manage Server by default, servers only', () => {
  const reload = commands.find((c) => c.name === 'reload')!;
  expect(reload.default_member_permissions).toBe('32');
  expect(reload.contexts).toEqual([0]);
});

test('/ask bounds the question like the core does', () => {
  const ask = commands.find((c) => c.name === 'ask')!;
  expect(ask.options[0]).toMatchObject({ name: 'question', required: true, max_length: 500 });
});
