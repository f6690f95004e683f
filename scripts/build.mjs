#!/usr/bin/env node
/**
 * `npm run build` (also run by `npm ci` through `prepare`, and by `npm test` first): src/ → dist/.
 *   1. dist/ is removed, so nothing from a deleted or renamed source survives;
 *   2. tsc (tsconfig.build.json) emits every src/**\/*.ts to the same place under dist/;
 *   3. every *.yaml, *.yml and *.json under src/ is copied to the same place under dist/, for code
 *      that reads data beside itself (path.join(__dirname, ...)); and the world gazetteer's forms,
 *      the same for every knowledge, are worked out once into dist/core/search/world-forms.json, and
 *      the question lexicon (en.yaml, ru.yaml) is validated once into dist/core/lexicon/lexicon.json,
 *      and Snowball's English stems of its words into dist/core/text/english-stems.json, and its
 *      entries as the reader compares them into dist/core/read/lexicon-words.json;
 *   4. the command line is one esbuild bundle of the same sources and their dependencies,
 *      dist/cli/bundle.js: a one-shot `cli ask` otherwise spends most of its start-up finding,
 *      reading and compiling some 200 small modules. In the bundle every source file's `__dirname`
 *      still names that file's own folder under dist/, so step 3's files are found as from tsc's output;
 *   5. dist/cli/main.js (tsc's) is replaced by scripts/cli-loader.cjs, which runs the bundle from a
 *      V8 code cache, dist/cli/bundle.js.cache, made here by asking the bundle one question.
 * dist/ mirrors src/ at the same depth, so paths relative to __dirname (the knowledge folder) hold
 * from both.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'src');
const DIST = path.join(ROOT, 'dist');
const require = createRequire(import.meta.url);
const ASSET = /\.(ya?ml|json)$/i;

function step(what, run) {
  const started = process.hrtime.bigint();
  run();
  process.stderr.write(`build: ${what} (${Number((process.hrtime.bigint() - started) / 1_000_000n)} ms)\n`);
}

step('removed dist/', () => fs.rmSync(DIST, { recursive: true, force: true }));

step('tsc -p tsconfig.build.json', () => {
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.build.json')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (tsc.status !== 0) {
    fs.rmSync(DIST, { recursive: true, force: true }); // no half-built dist/ to run by mistake
    process.exit(tsc.status ?? 1);
  }
});

step('copied data files from src/', () => {
  for (const entry of fs.readdirSync(SRC, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !ASSET.test(entry.name)) continue;
    const from = path.join(entry.parentPath ?? entry.path, entry.name);
    const to = path.join(DIST, path.relative(SRC, from));
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
  }
});

step("dist/core/lexicon/lexicon.json: the question lexicon's YAML, validated once", () => {
  let files, file;
  try {
    // Loading the module validates en.yaml and ru.yaml (no lexicon.json beside it yet).
    const { compileLexiconFiles, LEXICON_JSON_FILE } = require(path.join(DIST, 'core', 'lexicon', 'lexicon.js'));
    files = compileLexiconFiles();
    file = LEXICON_JSON_FILE;
  } catch (error) {
    process.stderr.write(`build: ${error instanceof Error ? error.message : String(error)}\n`);
    fs.rmSync(DIST, { recursive: true, force: true }); // no half-built dist/ to run by mistake
    process.exit(1);
  }
  fs.writeFileSync(path.join(DIST, 'core', 'lexicon', file), JSON.stringify(files));
});

step("dist/core/text/english-stems.json: Snowball's English stems of the lexicon's words, worked out once", () => {
  const { computeEnglishStems, ENGLISH_STEMS_FILE } = require(path.join(DIST, 'core', 'text', 'normalize.js'));
  const { compileLexiconFiles } = require(path.join(DIST, 'core', 'lexicon', 'lexicon.js'));
  fs.writeFileSync(path.join(DIST, 'core', 'text', ENGLISH_STEMS_FILE), JSON.stringify(computeEnglishStems(compileLexiconFiles())));
});

step("dist/core/read/lexicon-words.json: the lexicon's entries as the reader compares them, worked out once", () => {
  // Loading the reader works out every entry (no lexicon-words.json beside it yet).
  require(path.join(DIST, 'core', 'read', 'read.js'));
  const { workedLexiconWords, LEXICON_WORDS_FILE } = require(path.join(DIST, 'core', 'read', 'lexicon-words.js'));
  fs.writeFileSync(path.join(DIST, 'core', 'read', LEXICON_WORDS_FILE), JSON.stringify(workedLexiconWords()));
});

step("dist/core/search/world-forms.json: the world gazetteer's forms, worked out once", () => {
  const { computeWorldPlaceForms, WORLD_FORMS_FILE } = require(path.join(DIST, 'core', 'search', 'world-forms.js'));
  fs.writeFileSync(path.join(DIST, 'core', 'search', WORLD_FORMS_FILE), JSON.stringify(computeWorldPlaceForms()));
});

const CLI_OUT = path.join(DIST, 'cli', 'bundle.js');
const CLI_MAIN = path.join(DIST, 'cli', 'main.js');

/** Each source file's own `__dirname`, as tsc's output would see it, from the bundle's. */
const keepDirname = {
  name: 'keep-dirname',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      if (!args.path.startsWith(SRC + path.sep)) return undefined;
      const source = fs.readFileSync(args.path, 'utf8');
      if (!/\b__dirname\b/.test(source)) return { contents: source, loader: 'ts' };
      const ownDir = path.join(DIST, path.relative(SRC, path.dirname(args.path)));
      const relative = path.relative(path.dirname(CLI_OUT), ownDir).split(path.sep).join('/');
      const dirname = `require('node:path').join(__dirname, ${JSON.stringify(relative || '.')})`;
      return { contents: source.replace(/\b__dirname\b/g, `(${dirname})`), loader: 'ts' };
    });
  },
};

const esbuild = await import('esbuild');
const started = process.hrtime.bigint();
await esbuild.build({
  entryPoints: [path.join(SRC, 'cli', 'main.ts')],
  outfile: CLI_OUT,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  plugins: [keepDirname],
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
});
process.stderr.write(`build: bundled dist/cli/bundle.js (${Number((process.hrtime.bigint() - started) / 1_000_000n)} ms)\n`);

step('dist/cli/main.js: the loader, and its code cache from one question', () => {
  fs.rmSync(`${CLI_MAIN}.map`, { force: true }); // tsc's, for the source the loader replaces
  fs.copyFileSync(path.join(ROOT, 'scripts', 'cli-loader.cjs'), CLI_MAIN);
  const run = spawnSync(process.execPath, [CLI_MAIN, 'ask', 'Who is the WIPO Director General?'], {
    cwd: ROOT,
    env: { ...process.env, KNOWLEDGE_DIR: path.join(ROOT, 'knowledge'), ATTACHE_WRITE_CODE_CACHE: '1' },
    encoding: 'utf8',
  });
  // Without a cache the command line still works, only slower to start: say so, don't fail.
  if (run.status !== 0 || !fs.existsSync(`${CLI_OUT}.cache`))
    process.stderr.write(`build: warning: no code cache for the cli (exit ${run.status}): ${run.stderr}\n`);
});
