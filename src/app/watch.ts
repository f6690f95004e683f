/**
 * KNOWLEDGE_WATCH=1: reload the knowledge when its folder changes, with the guarantees of /reload —
 * the store swaps in only a complete, valid snapshot, so a broken save is logged and the previous
 * knowledge keeps answering.
 *
 * - One recursive fs.watch over the folder (on Linux, Node 20 does it in JS: an inotify watch per sub-folder).
 * - Debounced: a reload runs once the folder has been quiet for `debounceMs`, so an editor's burst
 *   (temp file, write, rename, chmod) or a `git pull` of twenty files is one reload, and a file is
 *   less likely to be read half-written (see test/reliability/bad-knowledge.test.ts: a truncated
 *   YAML file is not always invalid YAML).
 * - Dotfiles and editors' swap/backup files are ignored, as the loader ignores them.
 * - A change that lands while the watcher's reload runs gets a reload of its own afterwards. (One that
 *   lands while a /reload or SIGHUP runs, just before the debounce ends, may share that reload, as
 *   KnowledgeStore.reload() coalesces concurrent calls: then the next change brings it in.)
 * - The folder may be deleted, replaced (rename a new copy over it) or recreated: the watcher notices
 *   (the watch reports an error, or the folder's inode changed or vanished), logs it, and looks for
 *   the folder again every `retryMs` until it can watch it, then reloads.
 */
import fs, { type FSWatcher } from 'node:fs';
import path from 'node:path';
import { formatErrors, type KnowledgeStore, type ReloadResult } from '../core';
import type { Logger } from './log';

/** What a watcher's reload gave: the store's result, or the exception it threw. */
export type WatchResult = ReloadResult | { ok: false; crashed: unknown };

export interface WatchOptions {
  /** Quiet time after the last change before reloading. */
  debounceMs: number;
  logger: Logger;
  /** After every reload the watcher makes (tests count them). */
  onResult?: (result: WatchResult) => void;
  /** How often to look for a folder that has gone. Default: the debounce, at least 1 s. */
  retryMs?: number;
}

export interface KnowledgeWatcher {
  close(): void;
}

/** The file kinds the loader reads, plus the release texts. */
const KNOWLEDGE_FILE = /\.(ya?ml|json|txt)$/i;
/** Editors' leftovers: vim's `x~`, `.x.swp` and `4913` probe, emacs' `#x#`, and the usual temp suffixes. */
const EDITOR_FILE = /~$|^#.*#$|^4913$|\.(sw[a-p]|tmp|temp|bak|orig|part|crdownload)$/i;

/**
 * Whether a change to `filename` (relative to the folder, as fs.watch reports it) can change the
 * knowledge. No name (the platform did not say) or the folder itself counts; so does a name without
 * an extension, which may be a sub-folder appearing or going.
 */
export function isKnowledgeChange(filename: string | null): boolean {
  if (filename === null || filename === '') return true;
  const parts = filename.split(/[\\/]/).filter(Boolean);
  if (parts.some((p) => p.startsWith('.'))) return false; // the loader skips dotfiles and dot-folders
  const base = parts[parts.length - 1] ?? '';
  if (EDITOR_FILE.test(base)) return false;
  return KNOWLEDGE_FILE.test(base) || path.extname(base) === '';
}

export function watchKnowledge(store: KnowledgeStore, options: WatchOptions): KnowledgeWatcher {
  const { debounceMs, logger, onResult } = options;
  const retryMs = options.retryMs ?? Math.max(debounceMs, 1000);
  const dir = store.dir;
  let watcher: FSWatcher | undefined;
  let watchedIno: number | undefined;
  let debounce: NodeJS.Timeout | undefined;
  let retry: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  let closed = false;

  const stopWatching = (): void => {
    watcher?.close();
    watcher = undefined;
    watchedIno = undefined;
  };

  /** Starts the fs.watch; the error when the folder cannot be watched (gone, not a folder). */
  const startWatching = (): NodeJS.ErrnoException | undefined => {
    try {
      const stat = fs.statSync(dir);
      if (!stat.isDirectory()) return Object.assign(new Error(`${dir} is not a folder`), { code: 'ENOTDIR' });
      // Not persistent: the watcher alone never keeps the process alive (the bot or console does).
      const w = fs.watch(dir, { recursive: true, persistent: false }, (_event, filename) => {
        if (isKnowledgeChange(filename === null ? null : String(filename))) schedule();
      });
      // Node's recursive watch on Linux reports a sub-folder deleted mid-scan (and the like) as an
      // 'error' event, which would crash the process without a listener (nodejs/node#52018, #63686).
      w.on('error', (error) => {
        if (closed || w !== watcher) return;
        logger.warn({ err: error, dir, by: 'watch' }, 'knowledge watch failed; watching again');
        stopWatching();
        schedule();
        lookAgain();
      });
      watcher = w;
      watchedIno = stat.ino;
      return undefined;
    } catch (error) {
      return error as NodeJS.ErrnoException;
    }
  };

  /** Tries to watch the folder every retryMs until it can; logs when it starts and when it succeeds, not every try. */
  const lookAgain = (): void => {
    if (retry || closed) return;
    const error = startWatching();
    if (!error) return;
    logger.warn({ dir, code: error.code, retryMs, by: 'watch' }, 'cannot watch the knowledge folder; looking for it again');
    const tryAgain = (): void => {
      retry = setTimeout(() => {
        retry = undefined;
        if (closed) return;
        if (startWatching()) return tryAgain();
        logger.info({ dir, by: 'watch' }, 'watching the knowledge folder again');
        schedule(); // whatever changed while nobody watched
      }, retryMs);
      retry.unref();
    };
    tryAgain();
  };

  const schedule = (): void => {
    if (closed) return;
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(() => {
      debounce = undefined;
      checkFolder();
      void reload();
    }, debounceMs);
    debounce.unref();
  };

  /** A deleted folder, or one replaced by another (a new inode), no longer sends events to our watch. */
  const checkFolder = (): void => {
    if (!watcher) return; // already looking for it
    let ino: number | undefined;
    try {
      ino = fs.statSync(dir).ino;
    } catch {
      ino = undefined;
    }
    if (ino === watchedIno) return;
    logger.warn({ dir, by: 'watch' }, ino === undefined ? 'the knowledge folder is gone' : 'the knowledge folder was replaced; watching the new one');
    stopWatching();
    lookAgain();
  };

  const reload = async (): Promise<void> => {
    if (running) {
      again = true; // the running reload may have read the files before this change
      return;
    }
    running = true;
    try {
      do {
        again = false;
        let result: WatchResult;
        try {
          result = await store.reload();
          if (result.ok) logger.info({ changes: result.changes, by: 'watch' }, 'knowledge reloaded');
          else logger.warn({ errors: formatErrors(result.errors), by: 'watch' }, 'knowledge reload failed; the previous knowledge keeps answering');
        } catch (error) {
          result = { ok: false, crashed: error };
          logger.error({ err: error, by: 'watch' }, 'knowledge reload crashed; the previous knowledge keeps answering');
        }
        if (!closed) onResult?.(result);
      } while (again && !closed);
    } finally {
      running = false;
    }
  };

  lookAgain();
  if (watcher) logger.info({ dir, debounceMs, by: 'watch' }, 'watching the knowledge folder');

  return {
    close() {
      closed = true;
      if (debounce) clearTimeout(debounce);
      if (retry) clearTimeout(retry);
      stopWatching();
    },
  };
}
