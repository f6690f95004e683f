'use strict';
/**
 * dist/cli/main.js, copied there by scripts/build.mjs. It runs the command line's one-file bundle
 * (bundle.js beside it) as if it were this file's body, but compiled from the V8 code cache that the
 * build made by running one question through it (bundle.js.cache): on Node 20 a script's code cache
 * is the one way to skip compiling ~1.4 MB of JavaScript at each start (module.enableCompileCache
 * arrives in Node 22). A cache V8 rejects (another Node version, other V8 flags) or a missing one
 * only costs the compile: the code and its answers are the same.
 */
const fs = require('node:fs');
const path = require('node:path');
const v8 = require('node:v8');
const vm = require('node:vm');
const { wrap } = require('node:module');

/**
 * V8's optimizing compiler (TurboFan) is off for the start: in a process that lives half a second it
 * spent about a third of the CPU optimizing the start-up's code (YAML, stemming, the index build) for
 * runs that never came. It comes back on after START_MS, for a long `ask --json` batch on stdin; the
 * timer keeps no process alive. The flag is set before the script is compiled, as in the build's run
 * that made the code cache: V8 accepts a cache only under the flags it was made with. Answers are the
 * same either way; only speed differs.
 */
const START_MS = 300;
v8.setFlagsFromString('--no-opt');
setTimeout(() => v8.setFlagsFromString('--opt'), START_MS).unref();

const file = path.join(__dirname, 'bundle.js');
const cacheFile = `${file}.cache`;
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  // no cache: V8 compiles from source
}
const script = new vm.Script(wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
// The build's own run writes the cache, after the code it ran has been compiled.
if (process.env.ATTACHE_WRITE_CODE_CACHE === '1') {
  process.once('exit', () => {
    v8.setFlagsFromString('--no-opt'); // the flags a start compiles under
    fs.writeFileSync(cacheFile, script.createCachedData());
  });
}
script.runInThisContext().call(module.exports, module.exports, require, module, file, __dirname);
