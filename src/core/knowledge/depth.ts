/**
 * A cheap, linear pre-check of a knowledge file's nesting depth, run before the text reaches a
 * parser: the yaml library spends about 1 KB and quadratic time per level of `[[[[…`, so 1 MB of
 * `[` under the size limit took 1 GB and seconds. Real knowledge nests about 6 deep.
 *
 * JSON is scanned exactly. YAML is scanned as its parser reads it, closely enough for real files:
 * flow collections (`[`, `{`) counted outside quotes and comments, block nesting from the indentation
 * and the `- `, `? `, `: ` indicators on a line, block scalars (`|`, `>`) skipped. A file crafted to
 * slip past the scan still meets the parse limits (load.ts: a worker thread with a heap and time cap).
 */
export const MAX_DEPTH = 64;

export interface DepthProblem {
  line: number;
  column: number;
}

/** Characters scanned between two yields to the event loop (a few ms of work). */
const SLICE = 256 * 1024;

/** Where the text first nests deeper than `max`, or undefined. Yields to the event loop every SLICE characters. */
export async function tooDeep(raw: string, json: boolean, max = MAX_DEPTH): Promise<DepthProblem | undefined> {
  const scan = json ? jsonTooDeep(raw, max) : yamlTooDeep(raw, max);
  for (;;) {
    const step = scan.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

type Scan = Generator<void, DepthProblem | undefined, void>;

const NL = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const QUOTE = 34; // "
const APOS = 39; // '
const BACKSLASH = 92;
const HASH = 35;
const OPEN_SEQ = 91; // [
const CLOSE_SEQ = 93; // ]
const OPEN_MAP = 123; // {
const CLOSE_MAP = 125; // }
const DASH = 45;
const QUESTION = 63;
const COLON = 58;
const COMMA = 44;
const PIPE = 124;
const GT = 62;
const AMP = 38;
const BANG = 33;

function position(raw: string, at: number): DepthProblem {
  let line = 1;
  let start = 0;
  for (let i = raw.indexOf('\n'); i !== -1 && i < at; i = raw.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: at - start + 1 };
}

function* jsonTooDeep(raw: string, max: number): Scan {
  let depth = 0;
  let inString = false;
  for (let i = 0, slice = SLICE; i < raw.length; i++) {
    if (i > slice) {
      yield;
      slice = i + SLICE;
    }
    const c = raw.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_SEQ || c === OPEN_MAP) {
      if (++depth > max) return position(raw, i);
    } else if ((c === CLOSE_SEQ || c === CLOSE_MAP) && depth > 0) depth--;
  }
  return undefined;
}

const isBlank = (c: number): boolean => c === SPACE || c === TAB;
const isBreak = (c: number): boolean => c === NL || c === CR;
/** A `-`, `?` or `:` followed by a blank or the end of the line is an indicator. */
const endsToken = (raw: string, i: number): boolean => i >= raw.length || isBlank(raw.charCodeAt(i)) || isBreak(raw.charCodeAt(i));

function* yamlTooDeep(raw: string, max: number): Scan {
  const n = raw.length;
  let flow = 0; // open flow collections
  let quote = 0; // QUOTE or APOS while inside a quoted scalar (which may span lines)
  const indents: number[] = []; // indentation of the open block collections
  let i = 0;
  let slice = SLICE;
  while (i < n) {
    if (i > slice) {
      yield; // between two lines: the state is all in the variables above
      slice = i + SLICE;
    }
    // ---- a line: its indentation first (unless a quoted scalar goes on) ----
    let col = 0;
    while (i < n && raw.charCodeAt(i) === SPACE) i++, col++;
    const lineStart = i - col;
    if (i >= n) break;
    let c = raw.charCodeAt(i);
    if (!quote && flow === 0 && !isBreak(c) && c !== HASH) {
      while (indents.length && indents[indents.length - 1]! >= col) indents.pop();
      indents.push(col);
      if (indents.length > max) return position(raw, i);
    }
    let lineDepth = indents.length;
    // In block context, "value start": where `[`, `{`, a quote, a block scalar or an indicator may begin.
    let valueStart = !quote && flow === 0;
    let blockScalar = false;
    for (; i < n && !isBreak((c = raw.charCodeAt(i))); i++) {
      if (quote === QUOTE) {
        if (c === BACKSLASH) i++;
        else if (c === QUOTE) quote = 0;
        continue;
      }
      if (quote === APOS) {
        if (c === APOS) {
          if (raw.charCodeAt(i + 1) === APOS) i++;
          else quote = 0;
        }
        continue;
      }
      if (isBlank(c)) continue;
      if (c === HASH && (i === lineStart || isBlank(raw.charCodeAt(i - 1)))) {
        while (i < n && !isBreak(raw.charCodeAt(i))) i++;
        break;
      }
      if (flow > 0) {
        // Inside flow collections every bracket outside quotes is structure; quotes open at a token's start.
        if (c === OPEN_SEQ || c === OPEN_MAP) {
          if (lineDepth + ++flow > max) return position(raw, i);
        } else if (c === CLOSE_SEQ || c === CLOSE_MAP) flow--;
        else if ((c === QUOTE || c === APOS) && startsToken(raw, i)) quote = c;
        continue;
      }
      if (valueStart) {
        if (c === OPEN_SEQ || c === OPEN_MAP) {
          flow = 1;
          if (lineDepth + flow > max) return position(raw, i);
          valueStart = false;
        } else if (c === QUOTE || c === APOS) {
          quote = c;
          valueStart = false;
        } else if ((c === DASH || c === QUESTION || c === COLON) && endsToken(raw, i + 1)) {
          if (++lineDepth > max) return position(raw, i);
        } else if (c === AMP || c === BANG) {
          while (i + 1 < n && !endsToken(raw, i + 1)) i++; // an anchor or a tag: the value follows
        } else if (c === PIPE || c === GT) {
          blockScalar = true;
          while (i + 1 < n && !isBreak(raw.charCodeAt(i + 1))) i++; // its indicators and comment
        } else valueStart = false; // a plain scalar: `[` and quotes in it are text
        continue;
      }
      // In a plain scalar (a key, or a value): `: ` starts its value.
      if (c === COLON && endsToken(raw, i + 1)) {
        valueStart = true;
        if (++lineDepth > max) return position(raw, i);
      }
    }
    // ---- the line break ----
    if (i < n && raw.charCodeAt(i) === CR) i++;
    if (i < n && raw.charCodeAt(i) === NL) i++;
    if (blockScalar) i = skipBlockScalar(raw, i, col);
  }
  return undefined;
}

/** In flow context a quote opens a quoted scalar only at a token's start: after `[ { , : ?` or a blank. */
function startsToken(raw: string, i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const p = raw.charCodeAt(j);
    if (isBlank(p)) continue;
    return p === OPEN_SEQ || p === OPEN_MAP || p === COMMA || p === COLON || p === QUESTION || isBreak(p);
  }
  return true;
}

/**
 * Skips a block scalar's content: the lines indented as much as its first non-empty one (which
 * must be indented more than the line that opened it), and empty lines. Returns where it ends.
 */
function skipBlockScalar(raw: string, i: number, parentIndent: number): number {
  let contentIndent = -1;
  while (i < raw.length) {
    let j = i;
    while (j < raw.length && raw.charCodeAt(j) === SPACE) j++;
    const indent = j - i;
    const empty = j >= raw.length || isBreak(raw.charCodeAt(j));
    if (!empty) {
      if (contentIndent < 0) {
        if (indent <= parentIndent) return i;
        contentIndent = indent;
      } else if (indent < contentIndent) return i;
    }
    const end = raw.indexOf('\n', j);
    if (end < 0) return raw.length;
    i = end + 1;
  }
  return i;
}
