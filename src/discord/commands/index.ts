/**
 * The registry: every command with its handler, in one explicit list (no folder scanning), and the
 * views that page buttons re-render. The deploy script imports ./definitions only.
 */
import type { PageKind } from '../paging';
import { askCommand, askView } from './ask';
import { helpCommand } from './help';
import { reloadCommand } from './reload';
import { sourceCommand, sourceView } from './source';
import { topicsCommand, topicsView } from './topics';
import type { Command, Pager } from './types';
import { whoMetCommand, whoMetView } from './who-met';

export type { Command, Pager, Suggestion } from './types';

export const COMMANDS: readonly Command[] = [whoMetCommand, topicsCommand, askCommand, sourceCommand, helpCommand, reloadCommand];

export const COMMANDS_BY_NAME: ReadonlyMap<string, Command> = new Map(COMMANDS.map((c) => [c.definition.name, c]));

export const PAGERS: Readonly<Record<PageKind, Pager>> = {
  'who-met': whoMetView,
  topics: topicsView,
  ask: askView,
  source: sourceView,
};
