// Measures chrono-node against the drafter's hand rules for dates, on release texts (README, "For moderators").
// chrono-node is not a dependency: install it for the run only.
//   npm run --silent build && npm i --no-save chrono-node
//   node scripts/measure-chrono.mjs ../shared/eval/releases test/questions/archive*/releases
// Prints, per release, the date each finds (≠ where they differ), then every sentence with a date
// phrase: the year the hand rules give it and chrono's reading with forwardDate off and on.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
let chrono;
try {
  chrono = require('chrono-node');
} catch {
  console.error('chrono-node is not installed: npm i --no-save chrono-node');
  process.exit(2);
}
const { cleanRelease } = require('../dist/draft/clean.js');
const { extractDraft } = require('../dist/draft/extract.js');

const iso = (d) => d.toISOString().slice(0, 10);
const reading = (r) => (r.start.isCertain('day') ? iso(r.start.date()) : `${r.start.get('year')}-${String(r.start.get('month')).padStart(2, '0')}`);
/** chrono's release date: the first day-and-month in the raw text; its year when certain, else the first certain year's. */
function chronoDate(parser, raw) {
  const days = parser.parse(raw, new Date('2000-01-01T12:00:00Z')).filter((r) => r.start.isCertain('day') && r.start.isCertain('month'));
  const first = days[0];
  if (!first) return undefined;
  if (first.start.isCertain('year')) return iso(first.start.date());
  const year = days.find((r) => r.start.isCertain('year'))?.start.get('year');
  return year ? `${year}-${String(first.start.get('month')).padStart(2, '0')}-${String(first.start.get('day')).padStart(2, '0')}` : undefined;
}

const tally = { en: 0, 'en.GB': 0, releases: 0 };
const phrases = [];
for (const dir of process.argv.slice(2)) {
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const raw = readFileSync(path.join(dir, file), 'utf8');
    const clean = cleanRelease(raw);
    const draft = extractDraft(clean.paragraphs, { date: clean.date, title: clean.title, dateline: clean.dateline });
    const ours = draft.release.date ?? '-';
    const en = chronoDate(chrono.en, raw) ?? '-';
    const gb = chronoDate(chrono.en.GB, raw) ?? '-';
    tally.releases++;
    if (en === ours) tally.en++;
    if (gb === ours) tally['en.GB']++;
    console.log(`${en === ours && gb === ours ? ' ' : '≠'} ${file.slice(0, 48).padEnd(48)} rules ${ours}  chrono.en ${en}  chrono.en.GB ${gb}`);
    if (ours === '-') continue;
    const ref = new Date(`${ours}T12:00:00Z`);
    const ruled = new Map(draft.facts.filter((f) => f.when).map((f) => [f.sources[0].quote, f.when]));
    for (const sentence of clean.paragraphs.flatMap((p) => p.split(/(?<=[.!?])\s+/))) {
      const back = chrono.en.parse(sentence, ref, { forwardDate: false });
      const forward = chrono.en.parse(sentence, ref, { forwardDate: true });
      if (!back.length) continue;
      phrases.push(
        `  ${file.slice(0, 24)} | rules: ${ruled.get(sentence) ?? '-'} | back: ${back.map((r) => `${r.text} → ${reading(r)}`).join('; ')} | forward: ${forward.map(reading).join('; ')}\n      ${sentence.slice(0, 140)}`,
      );
    }
  }
}
console.log(`\nrelease dates equal to the rules': chrono.en ${tally.en}/${tally.releases}, chrono.en.GB ${tally['en.GB']}/${tally.releases}`);
console.log(`\nsentences with a date phrase (${phrases.length}):\n${phrases.join('\n')}`);
