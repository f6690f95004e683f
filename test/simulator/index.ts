/** Local fake Discord for end-to-end tests of the bot with the real discord.js Client. */
export { DiscordSimulator } from './simulator';
export type { RecordedRequest, GatewayFrame, InteractionContext, MessageOptions, StartOptions, SimUser, SimOption } from './simulator';
export { shardOf, SnowflakeGen } from './payloads';
export { validateMessage, validateChoices, validateCommands, DISCORD_LOCALES } from './validate';
