import { MAX_NAME_LENGTH } from './definitions';

/** An optional name option, trimmed and held to its max_length even if a client (or a fake Discord) ignored it. */
export function bounded(value: string | null): string {
  return (value ?? '').trim().slice(0, MAX_NAME_LENGTH);
}
