/** src/discord/owners.ts: the application's owners are fetched when needed, kept, refreshed, and survive a failed fetch. */
import { Client, type ClientApplication, type User } from 'discord.js';
import { createLogger } from '../../src/app/log';
import { ApplicationOwners, REFRESH_MS, RETRY_MS } from '../../src/discord/owners';

const client = new Client({ intents: [] });
/** A real discord.js User (as ClientApplication#owner holds one). */
const user = (id: string): User => (client.users as unknown as { _add(data: unknown): User })._add({ id, username: `u${id}`, discriminator: '0' });
const ALICE = '111111111111111111';
const BOB = '222222222222222222';

afterAll(() => client.destroy());

test('fetched on first need, kept for REFRESH_MS, refreshed after; a failure keeps the last known owners and retries after RETRY_MS', async () => {
  let now = 1_000_000;
  const results: Array<ClientApplication['owner'] | Error> = [user(ALICE), new Error('503'), user(BOB)];
  const fetch = jest.fn(async () => {
    const next = results.shift()!;
    if (next instanceof Error) throw next;
    return { owner: next };
  });
  const lines: string[] = [];
  const owners = new ApplicationOwners(fetch, createLogger('debug', { write: (l: string) => void lines.push(l) }), () => now);

  expect(fetch).not.toHaveBeenCalled();
  const [a, b] = await Promise.all([owners.has(ALICE), owners.has(BOB)]);
  expect([a, b]).toEqual([true, false]);
  expect(fetch).toHaveBeenCalledTimes(1); // concurrent checks share one request

  now += REFRESH_MS - 1;
  expect(await owners.has(ALICE)).toBe(true);
  expect(fetch).toHaveBeenCalledTimes(1);

  now += 1; // stale: refetched, fails, the last known owners stand
  expect(await owners.has(ALICE)).toBe(true);
  expect(fetch).toHaveBeenCalledTimes(2);
  expect(lines.some((l) => l.includes('could not fetch the application owners'))).toBe(true);

  now += RETRY_MS - 1;
  expect(await owners.has(ALICE)).toBe(true);
  expect(fetch).toHaveBeenCalledTimes(2);

  now += 1; // retried: ownership moved to Bob
  expect(await owners.has(ALICE)).toBe(false);
  expect(await owners.has(BOB)).toBe(true);
  expect(fetch).toHaveBeenCalledTimes(3);
});

test('before any successful fetch, nobody is an owner', async () => {
  const owners = new ApplicationOwners(() => Promise.reject(new Error('offline')), createLogger('silent'));
  expect(await owners.has(ALICE)).toBe(false);
});
