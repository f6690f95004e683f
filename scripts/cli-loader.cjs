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
const vm = require('node:vm');
const { wrap } = require('node:module');

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
if (process.env.ATTACHE_WRITE_CODE_CACHE === '1') process.once('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
script.runInThisContext().call(module.exports, module.exports, require, module, file, __dirname);
