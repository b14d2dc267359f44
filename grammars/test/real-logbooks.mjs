// Tokenizes every real logbook in ../shared/logbooks with the Markdown grammar plus the logbook
// injections, as VS Code would: fails if a line takes too long (a regular expression that
// backtracks) or if the headings of the seeds show no dates at all; prints what it scoped.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', 'node_modules', 'vscode-tmgrammar-test', 'package.json'));
const { createRegistry } = require('./dist/common/index.js');
const shared = process.env.LOGBOOK_SHARED ?? path.join(here, '..', '..', '..', 'shared', 'logbooks');
if (!existsSync(shared)) {
  console.error(`No real logbooks at ${shared}; set LOGBOOK_SHARED.`);
  process.exit(1);
}
const config = JSON.parse(readFileSync(path.join(here, 'package.json'), 'utf8'));
const grammars = config.contributes.grammars.map((g) => ({ ...g, path: path.join(here, g.path) }));
const warn = console.warn;
console.warn = () => {}; // "grammar not found" for the languages of fenced code: irrelevant here
const registry = createRegistry(grammars);
const grammar = await registry.loadGrammar('text.html.markdown');
const { INITIAL } = require('vscode-textmate');

function* markdownFiles(folder) {
  for (const name of readdirSync(folder).sort()) {
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) {
      yield* markdownFiles(file);
    } else if (/\.(md|markdown)$/i.test(name)) {
      yield file;
    }
  }
}

const SLOW_LINE_MS = 500;
let files = 0, lines = 0, dates = 0, ids = 0, tags = 0, labels = 0, slowest = 0;
const seedDates = new Map();
for (const file of markdownFiles(shared)) {
  files++;
  let state = INITIAL;
  let fileDates = 0;
  let fileIds = 0;
  for (const line of readFileSync(file, 'utf8').split(/\r\n|\r|\n/)) {
    lines++;
    const started = performance.now();
    // VS Code stops tokenizing a line after 20,000 characters; so do we.
    const result = grammar.tokenizeLine(line.slice(0, 20000), state);
    const took = performance.now() - started;
    slowest = Math.max(slowest, took);
    if (took > SLOW_LINE_MS) {
      console.error(`${path.relative(shared, file)}: a line took ${took.toFixed(0)} ms: ${line.slice(0, 80)}`);
      process.exitCode = 1;
    }
    for (const token of result.tokens) {
      const scopes = token.scopes.join(' ');
      if (scopes.includes('constant.numeric.date.logbook')) { dates++; fileDates++; }
      if (scopes.includes('variable.other.constant.experiment-id.logbook')) { ids++; fileIds++; }
      if (scopes.includes('entity.name.tag.logbook')) tags++;
      if (scopes.includes('keyword.other.section.logbook')) labels++;
    }
    state = result.ruleStack;
  }
  if (file.includes(`${path.sep}seeds${path.sep}`)) {
    seedDates.set(path.basename(file), { dates: fileDates, ids: fileIds });
  }
}
console.warn = warn;
// Every seed names its entries by a date or an experiment ID; the grammar must show one of them.
for (const [seed, count] of seedDates) {
  if (count.dates + count.ids === 0) {
    console.error(`${seed}: no entry date or experiment ID scoped at all`);
    process.exitCode = 1;
  }
}
console.log(`${files} files, ${lines} lines: ${dates} date tokens, ${ids} experiment IDs, ${tags} tags, ${labels} section labels; slowest line ${slowest.toFixed(1)} ms`);
console.log('per seed: ' + [...seedDates].map(([k, v]) => `${k} ${v.dates} dates, ${v.ids} IDs`).join('; '));
