/**
 * Structured logs (pino, JSON lines) on stderr, so stdout stays free for the console and for
 * `deploy-commands --dry-run`. Secrets never reach a line: the bot token is redacted wherever a
 * field could carry it, and interaction tokens are cut out of REST error URLs (they grant 15 minutes
 * of webhook access to the conversation).
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config';

export type { Logger } from 'pino';

/** Field paths that may hold the bot token or an Authorization header. */
export const REDACT_PATHS = [
  'token',
  '*.token',
  'discordToken',
  '*.discordToken',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
];

/** `/interactions/{id}/{token}/callback`, `/webhooks/{app}/{token}/…` → token replaced. */
export function maskTokens(url: string): string {
  return url.replace(/(\/interactions\/\d+\/)[^/?]+/g, '$1[token]').replace(/(\/webhooks\/\d+\/)[^/?]+/g, '$1[token]');
}

function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const out = pino.stdSerializers.err(error) as ReturnType<typeof pino.stdSerializers.err> & { url?: unknown };
  if (typeof out.url === 'string') out.url = maskTokens(out.url);
  return out;
}

/**
 * `secrets` (the bot token) are also cut out of every finished line, wherever they stand: in an
 * error's message, a nested object, a URL — places no field path can foresee.
 */
export function createLogger(level: LogLevel, destination: DestinationStream = pino.destination(2), secrets: readonly (string | undefined)[] = []): Logger {
  const known = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 8);
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: serializeError, error: serializeError },
      hooks: { streamWrite: (line) => known.reduce((out, secret) => out.split(secret).join('[redacted]'), line) },
    },
    destination,
  );
}
