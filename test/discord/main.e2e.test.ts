/**
 * `npm start` as a real process (tsx src/app/main.ts): a bad variable stops it with one line; a
 * knowledge folder that does not validate stops it; with a token it logs into the simulator,
 * reloads on SIGHUP and exits 0 on SIGTERM; a fatal gateway close (after login or during it) makes it
 * exit 1 with an error line saying what to fix.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DiscordSimulator } from '../simulator';
import { copyKnowledge } from './setup';

const ROOT = path.resolve(__dirname, '..', '..');

interface Run {
  child: ChildProcess;
  stderr: () => string;
  exit: Promise<number | null>;
}

/** Started from an empty temp folder, so no developer .env is picked up; only `env` is set. */
function start(env: Record<string, string>): Run {
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'src/app/main.ts')], {
    cwd: os.tmpdir(),
    env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stderr: () => err, exit };
}

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('a malformed variable stops start-up with one line naming it', async () => {
  const run = start({ DISCORD_GUILD_ID: 'general' });
  expect(await run.exit).toBe(1);
  expect(run.stderr()).toBe('Configuration error: DISCORD_GUILD_ID must be a Discord id (17 to 20 digits) (see .env.example)\n');
}, 30_000);

test('knowledge that does not validate stops start-up with its errors', async () => {
  const dir = await copyKnowledge();
  try {
    await fs.writeFile(path.join(dir, 'entities.yaml'), 'this: [is not valid');
    const run = start({ KNOWLEDGE_DIR: dir });
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toContain(`The knowledge in ${dir} does not validate; not starting:`);
    expect(run.stderr()).toContain('entities.yaml');
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}, 30_000);

test('with a token: logs in, reloads on SIGHUP, exits 0 on SIGTERM, and never logs the token', async () => {
  const sim = await DiscordSimulator.start();
  const dir = await copyKnowledge();
  let run: Run | undefined;
  let pid: number | undefined;
  try {
    const bot = start({ DISCORD_TOKEN: sim.token, DISCORD_CLIENT_ID: sim.applicationId, DISCORD_API_URL: sim.apiUrl, KNOWLEDGE_DIR: dir, LOG_LEVEL: 'info' });
    run = bot;
    await sim.whenReady(1, 30_000);
    await until(() => bot.stderr().includes('"msg":"ready"'), 'the ready log line');

    // tsx runs the script in a child process and relays only SIGINT/SIGTERM: SIGHUP goes to the
    // pid that pino writes on every line, as an operator would send it.
    const ready = bot
      .stderr()
      .split('\n')
      .find((l) => l.includes('"msg":"ready"'))!;
    pid = (JSON.parse(ready) as { pid: number }).pid;
    process.kill(pid, 'SIGHUP');
    await until(() => bot.stderr().includes('"msg":"knowledge reloaded"'), 'the reload log line');

    bot.child.kill('SIGTERM');
    expect(await bot.exit).toBe(0);
    expect(bot.stderr()).toContain('"msg":"shutting down"');
    expect(bot.stderr()).not.toContain(sim.token);
  } finally {
    if (run && run.child.exitCode === null) {
      // a failed assertion: leave no bot running (the script's own process first, then tsx)
      if (pid) process.kill(pid, 'SIGKILL');
      run.child.kill('SIGKILL');
    }
    await sim.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}, 60_000);

test('a fatal gateway close after login (4014 Disallowed intents): an error line naming it, exit 1', async () => {
  const sim = await DiscordSimulator.start();
  const dir = await copyKnowledge();
  let run: Run | undefined;
  try {
    const bot = start({ DISCORD_TOKEN: sim.token, DISCORD_CLIENT_ID: sim.applicationId, DISCORD_API_URL: sim.apiUrl, KNOWLEDGE_DIR: dir, LOG_LEVEL: 'info' });
    run = bot;
    await sim.whenReady(1, 30_000);
    await until(() => bot.stderr().includes('"msg":"ready"'), 'the ready log line');
    sim.dropConnection(0, 4014);
    expect(await bot.exit).toBe(1);
    const fatal = bot
      .stderr()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { level: number; msg: string; code?: number })
      .filter((l) => l.code === 4014);
    expect(fatal).toEqual([
      expect.objectContaining({ level: 50, msg: expect.stringContaining('gateway closed with 4014 (Disallowed intent(s)) and will not reconnect: ') }),
    ]);
    expect(fatal[0]!.msg).toContain('Privileged Gateway Intents');
  } finally {
    if (run && run.child.exitCode === null) run.child.kill('SIGKILL');
    await sim.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}, 60_000);

test('a fatal gateway close while logging in (4004 Authentication failed): exit 1, saying what to fix', async () => {
  const sim = await DiscordSimulator.start();
  const dir = await copyKnowledge();
  let run: Run | undefined;
  try {
    sim.failIdentify(4004);
    const bot = start({ DISCORD_TOKEN: sim.token, DISCORD_CLIENT_ID: sim.applicationId, DISCORD_API_URL: sim.apiUrl, KNOWLEDGE_DIR: dir, LOG_LEVEL: 'info' });
    run = bot;
    expect(await bot.exit).toBe(1);
    expect(bot.stderr()).toContain('"msg":"gateway closed with 4004 (Authentication failed) and will not reconnect: DISCORD_TOKEN is wrong or was reset');
    expect(bot.stderr()).not.toContain(sim.token);
  } finally {
    if (run && run.child.exitCode === null) run.child.kill('SIGKILL');
    await sim.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}, 60_000);
