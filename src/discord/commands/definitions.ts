/**
 * Every slash command as plain data, typed against Discord's own body type. The deploy script imports
 * only this file; the handlers live beside it (./index.ts joins the two). Each command and option has
 * a Russian name and description: Discord shows them to users whose client is in Russian, and still
 * sends the default names in interactions.
 */
import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { MAX_QUESTION_LENGTH } from '../../core';

/** Names are free text matched fuzzily; 100 keeps them inside a choice value and a page button's custom_id. */
export const MAX_NAME_LENGTH = 100;

/** Guild-installed; usable in servers and in the bot's DMs (global commands only; guild commands ignore it). */
const everywhere: Pick<RESTPostAPIChatInputApplicationCommandsJSONBody, 'integration_types' | 'contexts'> = {
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
};

export const WHO_MET = {
  name: 'who-met',
  name_localizations: { ru: 'встречи' },
  description: 'Who the minister met, or who matches a name, title, organization or country',
  description_localizations: { ru: 'С кем встречался министр, или кто подходит под имя, должность, организацию' },
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'person',
      name_localizations: { ru: 'человек' },
      description: 'A name, title, organization or country (leave empty for everyone)',
      description_localizations: { ru: 'Имя, должность, организация или страна (пусто: все)' },
      autocomplete: true,
      max_length: MAX_NAME_LENGTH,
    },
  ],
  ...everywhere,
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const TOPICS = {
  name: 'topics',
  name_localizations: { ru: 'темы' },
  description: 'What the visit covered, or what was discussed with one counterpart',
  description_localizations: { ru: 'Какие темы обсуждались во время визита или с одним собеседником' },
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'counterpart',
      name_localizations: { ru: 'собеседник' },
      description: 'Who the meeting was with (leave empty for the whole visit)',
      description_localizations: { ru: 'С кем была встреча (пусто: весь визит)' },
      autocomplete: true,
      max_length: MAX_NAME_LENGTH,
    },
  ],
  ...everywhere,
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const ASK = {
  name: 'ask',
  name_localizations: { ru: 'спросить' },
  description: 'Ask a question about the releases in your own words',
  description_localizations: { ru: 'Задать вопрос о релизах своими словами' },
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'question',
      name_localizations: { ru: 'вопрос' },
      description: 'For example: What did the minister discuss with WHO?',
      description_localizations: { ru: 'Например: Что министр обсуждал с ВОЗ?' },
      required: true,
      max_length: MAX_QUESTION_LENGTH,
    },
  ],
  ...everywhere,
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const SOURCE = {
  name: 'source',
  name_localizations: { ru: 'источник' },
  description: 'Read a press release: title, date, source and its text',
  description_localizations: { ru: 'Прочитать пресс-релиз: заголовок, дата, источник и текст' },
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'release',
      name_localizations: { ru: 'релиз' },
      description: 'Which release (leave empty for the latest)',
      description_localizations: { ru: 'Какой релиз (пусто: последний)' },
      autocomplete: true,
      max_length: MAX_NAME_LENGTH,
    },
  ],
  ...everywhere,
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const HELP = {
  name: 'help',
  name_localizations: { ru: 'помощь' },
  description: 'What the bot knows (releases, dates, counts) and how to ask it',
  description_localizations: { ru: 'Что знает бот (релизы, даты, числа) и как его спрашивать' },
  ...everywhere,
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const RELOAD = {
  name: 'reload',
  name_localizations: { ru: 'перезагрузить' },
  description: 'Moderators: re-read and validate the knowledge files, then swap them in',
  description_localizations: { ru: 'Модераторам: перечитать и проверить файлы знаний, затем заменить их' },
  // Hidden from members without Manage Server by default; servers can override this, so the
  // handler checks again (https://discord.com/developers/docs/interactions/application-commands#permissions).
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** The registry's data half, in the order users see them. */
export const DEFINITIONS = [WHO_MET, TOPICS, ASK, SOURCE, HELP, RELOAD] as const;
