/** The shape of a command module: its definition (data) plus what runs when it is used. */
import type { ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Engine } from '../../core';
import type { BotContext } from '../context';
import type { PageRef } from '../paging';
import type { PageIdOf, View } from '../render';

export interface Suggestion {
  label: string;
  value: string;
}

export interface Command {
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  /** Suggestions for the focused option; the interaction boundary cuts them to Discord's limits. */
  autocomplete?(engine: Engine, focused: { name: string; value: string }): Suggestion[];
}

/** Draws page `page` of a paged message again; null when what it showed is gone (e.g. a release removed by a reload). */
export type Pager = (engine: Engine, ref: PageRef, page: number, pageId: PageIdOf) => View | null;
