/**
 * Builders of the raw Discord API objects the simulator sends to discord.js (gateway dispatches)
 * and returns over REST. Field sets follow /work/shared/docs/discord.md: each builder emits every
 * field discord.js 14.28 reads without an `in` guard, so the unmodified Client never crashes on them.
 */
import { randomBytes } from 'node:crypto';

export interface SimUser {
  id: string;
  username: string;
}

/** Discord epoch (2015-01-01T00:00:00Z) in ms. */
export const DISCORD_EPOCH = 1420070400000n;

/** Realistic snowflakes: (ms since Discord epoch) << 22 | worker << 17 | process << 12 | increment. */
export class SnowflakeGen {
  private increment = 0n;

  next(at: number = Date.now()): string {
    const ts = BigInt(at) - DISCORD_EPOCH;
    const inc = this.increment++ & 0xfffn;
    return ((ts << 22n) | (1n << 17n) | (1n << 12n) | inc).toString();
  }

  /** A snowflake whose timestamp t satisfies t % shardCount === shard, so that Discord's routing
   *  formula (guild_id >> 22) % shardCount sends the guild to `shard`. `at` is a past moment. */
  forShard(shard: number, shardCount: number, at: number): string {
    let ts = BigInt(at) - DISCORD_EPOCH;
    const n = BigInt(shardCount);
    ts -= ((ts % n) - BigInt(shard) + n) % n;
    const inc = this.increment++ & 0xfffn;
    return ((ts << 22n) | (1n << 17n) | inc).toString();
  }
}

/** Which shard owns a guild (Discord's documented formula). */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** base64url without padding: only the characters Discord uses in tokens. */
export function randomToken(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

export function isoNow(at: number = Date.now()): string {
  return new Date(at).toISOString().replace('Z', '+00:00');
}

export function apiUser(u: SimUser, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: u.id,
    username: u.username,
    discriminator: '0',
    global_name: null,
    avatar: null,
    public_flags: 0,
    ...extra,
  };
}

export function apiMember(u: SimUser | null, roles: string[], joinedAt: string, permissions?: string): Record<string, unknown> {
  const m: Record<string, unknown> = {
    roles,
    joined_at: joinedAt,
    deaf: false,
    mute: false,
    flags: 0,
    nick: null,
    avatar: null,
    premium_since: null,
    pending: false,
    communication_disabled_until: null,
  };
  if (u) m.user = apiUser(u);
  if (permissions !== undefined) m.permissions = permissions;
  return m;
}

export function guildTextChannel(id: string, guildId: string, name: string): Record<string, unknown> {
  return {
    id,
    type: 0,
    guild_id: guildId,
    name,
    position: 0,
    permission_overwrites: [],
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    parent_id: null,
    flags: 0,
  };
}

export function dmChannel(id: string, recipient: SimUser): Record<string, unknown> {
  return { id, type: 1, last_message_id: null, flags: 0, recipients: [apiUser(recipient)] };
}

export interface SimGuild {
  id: string;
  name: string;
  channelId: string;
  botRoleId: string;
  createdAt: number;
  /** roles added with DiscordSimulator.createRole, sent in every later GUILD_CREATE */
  extraRoles?: Array<Record<string, unknown>>;
}

export function role(id: string, name: string, permissions: string, position: number, managed = false): Record<string, unknown> {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions,
    managed,
    mentionable: false,
    flags: 0,
    ...(managed ? { tags: {} } : {}),
  };
}

/** GUILD_CREATE `d`: a fully available guild (it has `channels`) with @everyone (id = guild id),
 *  the bot's managed role, one text channel and the bot's own member (so guild.members.me works). */
export function guildCreate(g: SimGuild, bot: SimUser, ownerId: string): Record<string, unknown> {
  const joinedAt = isoNow(g.createdAt + 60_000);
  return {
    id: g.id,
    name: g.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: ownerId,
    region: 'europe',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    application_id: null,
    system_channel_id: g.channelId,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: 'en-US',
    max_members: 500000,
    max_video_channel_users: 25,
    features: [],
    emojis: [],
    stickers: [],
    roles: [role(g.id, '@everyone', '1071698660929', 0), role(g.botRoleId, bot.username, '2147483647', 1, true), ...(g.extraRoles ?? [])],
    // GUILD_CREATE-only fields
    joined_at: joinedAt,
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [apiMember(bot, [g.botRoleId], joinedAt)],
    channels: [guildTextChannel(g.channelId, g.id, 'general')],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export function readyPayload(args: {
  bot: SimUser;
  applicationId: string;
  sessionId: string;
  resumeUrl: string;
  shard: [number, number];
  guildIds: string[];
}): Record<string, unknown> {
  return {
    v: 10,
    user: apiUser(args.bot, { bot: true, verified: true, mfa_enabled: false, flags: 0, email: null }),
    guilds: args.guildIds.map((id) => ({ id, unavailable: true })),
    session_id: args.sessionId,
    session_type: 'normal',
    resume_gateway_url: args.resumeUrl,
    shard: args.shard,
    application: { id: args.applicationId, flags: 0 },
    private_channels: [],
    relationships: [],
    presences: [],
    guild_join_requests: [],
    geo_ordered_rtc_regions: ['simulator'],
    auth: {},
    user_settings: {},
    _trace: ['["discord-simulator",{"micros":0}]'],
  };
}

/** A message object with every field discord.js needs to construct a Message. */
export function apiMessage(args: {
  id: string;
  channelId: string;
  author: Record<string, unknown>;
  at?: number;
  body?: Record<string, unknown>;
}): Record<string, unknown> {
  const b = args.body ?? {};
  return {
    id: args.id,
    channel_id: args.channelId,
    author: args.author,
    content: typeof b.content === 'string' ? b.content : '',
    timestamp: isoNow(args.at),
    edited_timestamp: null,
    tts: b.tts === true,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    mention_channels: [],
    attachments: [],
    embeds: Array.isArray(b.embeds) ? b.embeds.map((e) => ({ type: 'rich', ...(e as object) })) : [],
    components: Array.isArray(b.components) ? b.components : [],
    reactions: [],
    pinned: false,
    type: 0,
    flags: typeof b.flags === 'number' ? b.flags : 0,
    ...(b.nonce !== undefined ? { nonce: b.nonce } : {}),
    ...(b.poll !== undefined ? { poll: b.poll } : {}),
  };
}

export interface SimOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  /** sub-command (type 1) / group (type 2) children */
  options?: SimOption[];
}

/** INTERACTION_CREATE `d`. `where` is either a guild channel or a DM. */
export function interactionPayload(args: {
  id: string;
  token: string;
  type: 2 | 3 | 4 | 5;
  applicationId: string;
  data: Record<string, unknown>;
  user: SimUser;
  guild?: { id: string; channelId: string; joinedAt: string; roles: string[]; permissions: string };
  dm?: { channelId: string };
  appPermissions: string;
  locale: string;
  message?: Record<string, unknown>;
}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    id: args.id,
    application_id: args.applicationId,
    type: args.type,
    data: args.data,
    token: args.token,
    version: 1,
    app_permissions: args.appPermissions,
    locale: args.locale,
    // discord.js 14.28 reads both unguarded: missing → uncaught TypeError
    entitlements: [],
    attachment_size_limit: 10485760,
  };
  if (args.message) base.message = args.message;
  if (args.guild) {
    const g = args.guild;
    return {
      ...base,
      guild_id: g.id,
      guild: { id: g.id, locale: 'en-US', features: [] },
      guild_locale: 'en-US',
      channel: guildTextChannel(g.channelId, g.id, 'general'),
      channel_id: g.channelId,
      member: apiMember(args.user, g.roles, g.joinedAt, g.permissions),
      authorizing_integration_owners: { '0': g.id },
      context: 0,
    };
  }
  const channelId = args.dm?.channelId ?? '0';
  return {
    ...base,
    // discord.js resolves the DM channel from `recipients` + `user`
    channel: dmChannel(channelId, args.user),
    channel_id: channelId,
    user: apiUser(args.user),
    authorizing_integration_owners: { '0': '0' }, // guild install used in the bot's DM
    context: 1,
  };
}
