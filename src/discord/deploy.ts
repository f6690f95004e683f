/**
 * `npm run deploy-commands`: registers every command in one bulk overwrite (PUT), to DISCORD_GUILD_ID
 * when set (instant, for a test server) or globally.
 * `npm run --silent deploy-commands -- --dry-run` prints the JSON array instead and reads no
 * environment at all, so it runs anywhere (CI checks it against Discord's rules).
 */
import { REST, Routes, type RESTPutAPIApplicationCommandsJSONBody, type RESTPutAPIApplicationGuildCommandsJSONBody } from 'discord.js';
import { DEFINITIONS } from './commands/definitions';

/** What a global deploy sends: the definitions as written. */
export function globalCommandsBody(): RESTPutAPIApplicationCommandsJSONBody {
  return DEFINITIONS.map((d) => ({ ...d }));
}

/** Guild commands take neither `contexts` nor `integration_types` (they apply to global commands only). */
export function guildCommandsBody(): RESTPutAPIApplicationGuildCommandsJSONBody {
  return DEFINITIONS.map(({ contexts: _c, integration_types: _i, ...rest }) => rest);
}

export interface DeployTarget {
  token: string;
  clientId: string;
  guildId?: string | undefined;
  apiUrl?: string | undefined;
}

/** One PUT; returns how many commands Discord now has in that scope. */
export async function deployCommands(target: DeployTarget): Promise<number> {
  const rest = new REST(target.apiUrl ? { api: target.apiUrl } : {}).setToken(target.token);
  try {
    const route = target.guildId ? Routes.applicationGuildCommands(target.clientId, target.guildId) : Routes.applicationCommands(target.clientId);
    const result = (await rest.put(route, { body: target.guildId ? guildCommandsBody() : globalCommandsBody() })) as unknown[];
    return result.length;
  } finally {
    // The REST client keeps sweeper timers; a script that has finished should not wait for them.
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--dry-run')) {
    process.stdout.write(`${JSON.stringify(globalCommandsBody(), null, 2)}\n`);
    return 0;
  }
  // Imported here so that --dry-run never touches the environment.
  const { loadConfig } = await import('../app/config');
  const { createLogger } = await import('../app/log');
  const config = loadConfig();
  const logger = createLogger(config.logLevel, undefined, [config.discordToken]);
  const missing = [config.discordToken ? '' : 'DISCORD_TOKEN', config.clientId ? '' : 'DISCORD_CLIENT_ID'].filter(Boolean);
  if (!config.discordToken || !config.clientId) {
    process.stderr.write(`Configuration error: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} required to deploy commands (see .env.example)\n`);
    return 1;
  }
  const scope = config.guildId ? { guildId: config.guildId } : { global: true };
  const count = await deployCommands({ token: config.discordToken, clientId: config.clientId, guildId: config.guildId, apiUrl: config.apiUrl });
  logger.info({ ...scope, count }, config.guildId ? 'commands registered in the guild' : 'commands registered globally (may take up to an hour to appear)');
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`deploy-commands failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
