/** The discord.js Client with the least it needs. */
import { Client, GatewayIntentBits, Partials } from 'discord.js';
import type { Config } from '../app/config';

export function createClient(config: Pick<Config, 'apiUrl'>): Client {
  return new Client({
    // Guilds: interactions and the guild cache; GuildMessages + DirectMessages: mentions and DMs.
    // No privileged MessageContent: mentions and DMs carry their content without it.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    // DM channels are not cached before their first message; without this, DMs never reach messageCreate.
    partials: [Partials.Channel],
    // Ping no one unless a call says otherwise (none does): questions may contain @everyone.
    allowedMentions: { parse: [] },
    // A reply to a message deleted meanwhile is still sent, as a plain message.
    failIfNotExists: false,
    rest: config.apiUrl ? { api: config.apiUrl } : {},
  });
}
