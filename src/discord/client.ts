/** The discord.js Client with the least it needs. */
import { Client, Events, GatewayIntentBits, Options, Partials, type Channel } from 'discord.js';
import type { Config } from '../app/config';

/**
 * Cache limits. discord.js keeps, by default, every user and member it ever sees (from each interaction
 * and message) and 200 messages per channel, forever. The bot needs none of that: interactions and
 * messages carry their user, member and permissions, replies go through the interaction's webhook or
 * the message's own channel, and /reload reads the member's role ids from the payload. What stays:
 * guilds, guild channels and roles (unlimited: discord.js does not support limiting them), the bot's
 * own user and member, a few recent users and members, and the most recent DM channels.
 */
export const CACHE_LIMITS = {
  /** client.users: the most recent, plus the bot itself; all but the bot swept every SWEEP_SECONDS */
  users: 1_000,
  /** guild.members, per guild: the most recent, plus the bot's own member (guild.members.me) */
  membersPerGuild: 100,
  /** DM channels kept in client.channels, least recently used dropped first */
  dmChannels: 1_000,
  sweepSeconds: 600,
} as const;

const isBot = (x: { id: string; client: Client }): boolean => x.id === x.client.user?.id;

export function createClient(config: Pick<Config, 'apiUrl'>): Client {
  const client = new Client({
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
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      // messageCreate still hands over each message; nothing reads one back from the cache.
      MessageManager: 0,
      UserManager: { maxSize: CACHE_LIMITS.users, keepOverLimit: isBot },
      GuildMemberManager: { maxSize: CACHE_LIMITS.membersPerGuild, keepOverLimit: isBot },
      // Nothing the bot looks at (and most need intents it does not have).
      PresenceManager: 0,
      VoiceStateManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
      GuildBanManager: 0,
      GuildInviteManager: 0,
      GuildScheduledEventManager: 0,
      StageInstanceManager: 0,
      ThreadMemberManager: 0,
      AutoModerationRuleManager: 0,
      EntitlementManager: 0,
    }),
    sweepers: {
      // Archived threads (discord.js's default); threads themselves stay, to answer mentions in them.
      ...Options.DefaultSweeperSettings,
      users: { interval: CACHE_LIMITS.sweepSeconds, filter: () => (user) => !isBot(user) },
      guildMembers: { interval: CACHE_LIMITS.sweepSeconds, filter: () => (member) => !isBot(member) },
    },
  });
  limitDmChannels(client, CACHE_LIMITS.dmChannels);
  return client;
}

/**
 * Every DM (a message, or an interaction in DMs) leaves its channel in client.channels, which cannot be
 * limited like the others: keep the `max` most recently used. These listeners run before the bot's
 * (registered first), so the channel being answered is the most recent one.
 */
function limitDmChannels(client: Client, max: number): void {
  const recent = new Set<string>();
  const touch = (channel: Channel | null): void => {
    if (!channel?.isDMBased()) return;
    recent.delete(channel.id);
    recent.add(channel.id);
    if (recent.size <= max) return;
    const oldest = recent.values().next().value as string;
    recent.delete(oldest);
    client.channels.cache.delete(oldest);
  };
  client.on(Events.MessageCreate, (message) => touch(message.channel));
  client.on(Events.InteractionCreate, (interaction) => touch(interaction.channel));
}
