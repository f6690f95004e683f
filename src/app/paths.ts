import path from 'node:path';

/** The shipped knowledge folder, whatever the working directory. */
export const DEFAULT_KNOWLEDGE_DIR = path.resolve(__dirname, '..', '..', 'knowledge');

/** KNOWLEDGE_DIR, resolved against the working directory, or the shipped folder. */
export function knowledgeDir(fromEnv: string | undefined): string {
  return fromEnv ? path.resolve(fromEnv) : DEFAULT_KNOWLEDGE_DIR;
}

/** Where one-shot CLI commands keep parsed knowledge files (core/knowledge/parse-cache.ts), as tools keep their caches. */
export const PARSE_CACHE_DIR = path.resolve(__dirname, '..', '..', 'node_modules', '.cache', 'attache', 'parsed');
