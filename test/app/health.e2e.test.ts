/**
 * Health and metrics (issue 10, "Operability"): HEALTH_PORT / HEALTH_HOST are validated; `npm start`
 * as a real process (src/app/main.ts under tsx) serves /healthz at once, /readyz 503 until the gateway
 * is ready, then 200, and /metrics in Prometheus text format, where each /ask, refusal, failure and
 * reload is counted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseConfig } from '../../src/app/config';
import { createLogger } from '../../src/app/log';
import { startHealthServer } from '../../src/app/health';
import { DiscordSimulator } from '../simulator';
import { copyKnowledge } from '../discord/setup';
import { get, sample, until } from './http';

const ROOT = path.resolve(__dirname, '..', '..');

describe('HEALTH_PORT / HEALTH_HOST', () => {
  test('off when unset; on 127.0.0.1 by default; another host when asked', () => {
    expect(parseConfig({})).toMatchObject({ ok: true, config: { health: undefined } });
    expect(parseConfig({ HEALTH_PORT: '9464' })).toMatchObject({ ok: true, config: { health: { port: 9464, host: '127.0.0.1' } } });
    expect(parseConfig({ HEALTH_PORT: '0', HEALTH_HOST: '0.0.0.0' })).toMatchObject({ ok: true, config: { health: { port: 0, host: '0.0.0.0' } } });
    expect(parseConfig({ HEALTH_PORT: '9464', HEALTH_HOST: '::1' })).toMatchObject({ ok: true, config: { health: { port: 9464, host: '::1' } } });
    expect(parseConfig({ HEALTH_PORT: '', HEALTH_HOST: '' })).toMatchObject({ ok: true, config: { health: undefined } });
  });

  test.each([
    [{ HEALTH_PORT: 'http' }, 'HEALTH_PORT must be a TCP port number'],
    [{ HEALTH_PORT: '70000' }, 'HEALTH_PORT must be a TCP port number (0 to 65535)'],
    [{ HEALTH_PORT: '94.5' }, 'HEALTH_PORT must be a TCP port number'],
    [{ HEALTH_PORT: '9464', HEALTH_HOST: 'http://0.0.0.0' }, 'HEALTH_HOST must be an IP address or a host name, such as 127.0.0.1 or 0.0.0.0'],
    [{ HEALTH_HOST: '0.0.0.0' }, 'HEALTH_HOST is set but HEALTH_PORT is not (the health server is off without a port)'],
  ])('%j → one line naming the variable', (env, line) => {
    const r = parseConfig(env);
    expect(r).toEqual({ ok: false, errors: [line] });
  });
});

test('the server: GET and HEAD only, unknown paths 404, a failing endpoint 500', async () => {
  const logs: string[] = [];
  let ready = false;
  const server = await startHealthServer({
    port: 0,
    host: '127.0.0.1',
    logger: createLogger('info', { write: (l: string) => void logs.push(l) }),
    readiness: () => (ready ? { ready: true } : { ready: false, reason: 'gateway not ready' }),
    metrics: () => Promise.reject(new Error('registry broke')),
  });
  try {
    const base = `http://127.0.0.1:${server.port}`;
    expect(await get(`${base}/healthz`)).toMatchObject({ status: 200, body: 'ok\n' });
    expect(await get(`${base}/readyz`)).toMatchObject({ status: 503, body: 'not ready: gateway not ready\n' });
    ready = true;
    expect(await get(`${base}/readyz?verbose=1`)).toMatchObject({ status: 200, body: 'ready\n' });
    expect(await get(`${base}/`)).toMatchObject({ status: 404 });
    expect(await get(`${base}/healthz/extra`)).toMatchObject({ status: 404 });
    const head = await get(`${base}/healthz`, 'HEAD');
    expect(head).toMatchObject({ status: 200, body: '' });
    expect(head.headers['content-length']).toBe('3');
    const post = await get(`${base}/healthz`, 'POST');
    expect(post).toMatchObject({ status: 405 });
    expect(post.headers.allow).toBe('GET, HEAD');
    expect(await get(`${base}/metrics`)).toMatchObject({ status: 500, body: 'internal error\n' });
    expect(logs.some((l) => l.includes('health endpoint failed') && l.includes('registry broke'))).toBe(true);
  } finally {
    await server.close();
  }
});

describe('npm start with HEALTH_PORT, through the simulator', () => {
  let sim: DiscordSimulator;
  let dir: string;
  let child: ChildProcess;
  let stderr = '';
  let exit: Promise<number | null>;
  let base = '';

  beforeAll(async () => {
    sim = await DiscordSimulator.start();
    dir = await copyKnowledge();
    // Discord rate-limits the bot's first request for a second: the gateway is not ready meanwhile.
    sim.failNext(
      { method: 'GET', pathIncludes: '/gateway/bot' },
      { status: 429, body: { message: 'You are being rate limited.', retry_after: 1.5, global: false } },
    );
    // `node --import tsx` as `npm start` runs it (tsx's own CLI would not relay SIGHUP to the bot).
    child = spawn(process.execPath, ['--import', pathToFileURL(require.resolve('tsx')).href, path.join(ROOT, 'src/app/main.ts')], {
      cwd: os.tmpdir(),
      env: {
        PATH: process.env.PATH ?? '',
        HOME: os.tmpdir(),
        DISCORD_TOKEN: sim.token,
        DISCORD_CLIENT_ID: sim.applicationId,
        DISCORD_API_URL: sim.apiUrl,
        KNOWLEDGE_DIR: dir,
        COOLDOWN_SECONDS: '0',
        LOG_LEVEL: 'info',
        HEALTH_PORT: '0',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    exit = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    await until(() => /"msg":"health server listening"/.test(stderr), 'the health server', 20_000);
    const port = (JSON.parse(stderr.split('\n').find((l) => l.includes('health server listening'))!) as { port: number }).port;
    base = `http://127.0.0.1:${port}`;
  }, 40_000);

  afterAll(async () => {
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      await exit;
    }
    await sim.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  const metrics = async (): Promise<string> => {
    const r = await get(`${base}/metrics`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return r.body;
  };

  const ask = async (question: string): Promise<void> => {
    const { id } = sim.slash('ask', [{ name: 'question', type: 3, value: question }]);
    expect((await sim.waitForCallback(id, 10_000)).type).toBe(4);
  };

  test('/healthz answers while it starts; /readyz is 503 until the gateway is ready, then 200', async () => {
    expect(await get(`${base}/healthz`)).toMatchObject({ status: 200, body: 'ok\n' });
    const early = await get(`${base}/readyz`);
    expect(early.status).toBe(503);
    expect(early.body).toMatch(/^not ready: (knowledge not loaded|gateway not ready)\n$/);
    await sim.whenReady();
    await until(async () => (await get(`${base}/readyz`)).status === 200, '/readyz 200', 10_000);
    expect(await get(`${base}/readyz`)).toMatchObject({ status: 200, body: 'ready\n' });
  }, 30_000);

  test('/metrics: the knowledge, the gateway and the process', async () => {
    const text = await metrics();
    expect(sample(text, 'attache_knowledge_releases', { shard: '0' })).toBe(1);
    expect(sample(text, 'attache_knowledge_facts', { shard: '0' })).toBeGreaterThan(10);
    expect(sample(text, 'attache_gateway_ready', { shard: '0' })).toBe(1);
    expect(text).toContain('# TYPE attache_gateway_ping_seconds gauge');
    expect(text).toContain('# TYPE attache_interactions_total counter');
    expect(text).toContain('# TYPE attache_answer_duration_seconds histogram');
    expect(sample(text, 'process_cpu_user_seconds_total', {})).toBeGreaterThan(0);
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  test('each /ask is counted by outcome, with its latency', async () => {
    const count = (text: string, status: string): number => sample(text, 'attache_interactions_total', { command: 'ask', status }) ?? 0;
    const before = await metrics();
    await ask('Who is the WIPO Director General?');
    const one = await metrics();
    expect(count(one, 'answered')).toBe(count(before, 'answered') + 1);
    await ask('Who did he meet?');
    const two = await metrics();
    expect(count(two, 'answered')).toBe(count(before, 'answered') + 2);
    expect(sample(two, 'attache_answer_duration_seconds_count', { command: 'ask' })).toBe(count(two, 'answered'));
    expect(sample(two, 'attache_answer_duration_seconds_bucket', { command: 'ask', le: '+Inf' })).toBe(count(two, 'answered'));

    await ask('Who is the Uzbek foreign minister?');
    expect(count(await metrics(), 'not_found')).toBe(1);

    // The reply itself fails (Discord says 400): the error boundary counts it once, as an error.
    sim.failNext({ method: 'POST', pathIncludes: '/callback' }, { status: 400, body: { message: 'Invalid Form Body', code: 50035 } });
    sim.slash('ask', [{ name: 'question', type: 3, value: 'Who is Guterres?' }]);
    await until(async () => count(await metrics(), 'error') === 1, 'the error to be counted', 10_000);
    expect(count(await metrics(), 'answered')).toBe(count(two, 'answered'));
  }, 30_000);

  test('a refused /reload is counted as refused; SIGHUP reloads are counted by outcome', async () => {
    const { id } = sim.slash('reload', [], { permissions: '0', roles: [] });
    await sim.waitForCallback(id, 10_000);
    expect(sample(await metrics(), 'attache_interactions_total', { command: 'reload', status: 'refused' })).toBe(1);

    child.kill('SIGHUP');
    await until(async () => sample(await metrics(), 'attache_reloads_total', { outcome: 'ok' }) === 1, 'a reload counted', 10_000);
    await fs.writeFile(path.join(dir, 'entities.yaml'), 'entities: [not valid');
    child.kill('SIGHUP');
    await until(async () => sample(await metrics(), 'attache_reloads_total', { outcome: 'failed' }) === 1, 'a failed reload counted', 10_000);
    expect(sample(await metrics(), 'attache_knowledge_releases', { shard: '0' })).toBe(1);
  }, 30_000);

  test('SIGTERM: exits 0 and the port is closed', async () => {
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    await expect(get(`${base}/healthz`)).rejects.toThrow();
  }, 20_000);
});
