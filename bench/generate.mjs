// Deterministic workloads for the benchmark (docs/benchmarks.md).
//
//   node bench/generate.mjs w1 <entries> <out-file>          one logbook
//   node bench/generate.mjs w2 <days> <logbooks> <out-dir>    per-day files + large logbooks
//
// Entry shapes follow ../shared/FORMATS.md: date-first ATX headings in several date forms,
// bracketed experiment IDs with a Start Date table, weekday + ordinal headings, setext headings,
// sections as headings, label lines, bold labels and list items, tags, references, tables, code
// fences with `#` lines inside, HTML comments. The same seed gives the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** mulberry32: small, fast, and the same on every Node version. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const TOPICS = ['baseline', 'Adam', 'SGD with momentum', 'cosine schedule', 'label smoothing', 'mixup', 'wider ResNet',
  'dropout 0.3', 'batch size 256', 'warm-up', 'data augmentation', 'PCR run', 'gel electrophoresis', 'buffer prep',
  'calibration', 'parser refactor', 'CI flakiness', 'profiling the loader', 'new dataset split', 'ablation'];
const WORDS = ('the run converged faster than expected but validation loss plateaued after epoch twelve so we lowered ' +
  'the learning rate and checked the augmentation pipeline again samples looked fine buffer was fresh and the ' +
  'gel showed clear bands at the expected size while the control lane stayed empty').split(' ');
const TAGS = ['#todo', '#idea', '#bug', '#gpu', '#wetlab', '#paper', '#nbs', '#followup'];

function pick(rnd, list) {
  return list[Math.floor(rnd() * list.length)];
}

function sentence(rnd, min, max) {
  const n = min + Math.floor(rnd() * (max - min + 1));
  const words = [];
  for (let i = 0; i < n; i++) {
    words.push(pick(rnd, WORDS));
  }
  const s = words.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

const pad = (n, w = 2) => String(n).padStart(w, '0');
const iso = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const ordinal = (n) => n + (n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th');

/** The heading style of a whole logbook: logbooks keep one style, as real ones do. */
const STYLES = [
  (d) => `## ${iso(d)}`,
  (d) => `## ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`,
  (d) => `## ${WEEKDAYS[d.getUTCDay()]} ${ordinal(d.getUTCDate())} ${MONTHS[d.getUTCMonth()].slice(0, 3)} ${String(d.getUTCFullYear()).slice(2)}`,
  (d) => `### ${d.getUTCMonth() + 1}/${d.getUTCDate()}/${String(d.getUTCFullYear()).slice(2)}`,
];

/**
 * One logbook of {@code entries} entries, newest first, one entry per day going back from
 * 2026-11-20. Every 4th logbook (by style) uses experiment IDs; a few entries lack Next Steps, one
 * in 400 is out of order, so diagnostics are realistic rather than empty or overwhelming.
 */
export function logbook(rnd, { entries, style = 0, idPrefix = 'e', idStart = 1, title = 'Experiment journal', refs = [] }) {
  const out = [];
  out.push(`# ${title}`, '', 'Entries are newest first. Each has Results and Next Steps.', '');
  out.push('<!--', '## YYYY-MM-DD [eXXXX] Title', '', '### Results', '', '### Next Steps', '-->', '');
  const heading = STYLES[style % STYLES.length];
  const withIds = style % 2 === 0;
  const day = Date.UTC(2026, 10, 20);
  let id = idStart + entries - 1;
  const width = Math.max(4, String(id).length);
  for (let i = 0; i < entries; i++) {
    let date = new Date(day - i * 86400000);
    if (i % 400 === 399) {
      date = new Date(day - (i - 3) * 86400000); // out of order: a date three entries newer
    }
    const ids = withIds ? ` [${idPrefix}${pad(id, width)}]` : '';
    id--;
    out.push(`${heading(date)}${ids} ${pick(rnd, TOPICS)}`, '');
    const shape = rnd();
    if (shape < 0.35) {
      out.push(sentence(rnd, 5, 12), '');
      out.push('### Results', '', `- ${sentence(rnd, 5, 12)} ${pick(rnd, TAGS)}`, `- accuracy ${(80 + rnd() * 15).toFixed(2)} %`, '');
      if (i % 50 !== 7) {
        out.push('### Next Steps', '', `- ${sentence(rnd, 4, 10)}`, '');
      }
    } else if (shape < 0.6) {
      out.push(`**Context:** ${sentence(rnd, 6, 14)}`, '', `**Results:** ${sentence(rnd, 6, 14)} ${pick(rnd, TAGS)}`, '');
      if (i % 50 !== 7) {
        out.push(`**Next Steps:** ${sentence(rnd, 4, 10)}`, '');
      }
    } else if (shape < 0.8) {
      out.push('Results:', `- ${sentence(rnd, 5, 10)}`, '| run | loss |', '|-----|------|', `| a | ${rnd().toFixed(3)} |`, '');
      out.push('Next Steps:', `- ${sentence(rnd, 4, 8)}`, '');
    } else if (shape < 0.93) {
      out.push('```bash', '# not a heading, not a tag', `python train.py --lr ${rnd().toFixed(4)}`, '```', '');
      out.push('### Results', '', sentence(rnd, 6, 14), '', '### Next Steps', '', sentence(rnd, 3, 8), '');
    } else {
      out.push('### Results', '', `${sentence(rnd, 6, 14)}`, '', '### Next Steps', '', `- [ ] ${sentence(rnd, 3, 8)}`, '');
    }
    if (refs.length > 0 && rnd() < 0.3) {
      out.push(`See [${pick(rnd, refs)}] for the setup.`, '');
    } else if (withIds && i + 5 < entries && rnd() < 0.3) {
      out.push(`Compared with [${idPrefix}${pad(id - 3, width)}].`, '');
    }
  }
  return out.join('\n') + '\n';
}

/** A per-day note, as in folders/: front matter with the date and tags, a title, a few lines. */
export function dayNote(rnd, date, refs) {
  const out = ['---', `date: ${iso(date)}`, `tags: [${pick(rnd, TAGS).slice(1)}]`, '---', '', `# ${pick(rnd, TOPICS)}`, ''];
  out.push(sentence(rnd, 10, 30), '');
  out.push('## Results', '', `- ${sentence(rnd, 5, 12)}`, '', '## Next Steps', '', `- ${sentence(rnd, 4, 10)}`, '');
  if (refs.length > 0) {
    out.push(`Follows up [${pick(rnd, refs)}] and [${pick(rnd, refs)}].`, '');
  }
  return out.join('\n') + '\n';
}

/** W1: one logbook; with 10,000 entries it is about 2 MB. */
export function w1(entries, seed = 1) {
  return logbook(random(seed), { entries, style: 0 });
}

/**
 * W2: {@code days} per-day files under notes/YYYY/, and {@code logbooks} large logbooks under
 * logbooks/ (each with its own ID prefix), cross-referencing each other's IDs. The ID {@code a0001}
 * is used in exactly 500 places across the files (for the rename benchmark).
 */
export function w2(days, logbooks, seed = 2, entriesPerLogbook = 3500) {
  const rnd = random(seed);
  const files = new Map();
  const prefixes = [];
  for (let l = 0; l < logbooks; l++) {
    prefixes.push(String.fromCharCode(97 + (l % 26)) + (l >= 26 ? String.fromCharCode(97 + Math.floor(l / 26)) : ''));
  }
  const refsOf = (l) => {
    const other = prefixes[(l + 1) % prefixes.length];
    return [1, 2, 3, 5, 8, 13, 21].map((n) => `${other}${pad(n, 4)}`);
  };
  for (let l = 0; l < logbooks; l++) {
    files.set(`logbooks/${prefixes[l]}-journal.md`, logbook(rnd, {
      entries: entriesPerLogbook, style: 0, idPrefix: prefixes[l], title: `Journal ${prefixes[l]}`, refs: refsOf(l).filter((r) => r !== 'a0001'),
    }));
  }
  const start = Date.UTC(2021, 0, 1);
  const allRefs = prefixes.map((p) => `${p}0002`);
  for (let d = 0; d < days; d++) {
    const date = new Date(start + d * 86400000);
    files.set(`notes/${date.getUTCFullYear()}/${iso(date)}.md`, dayNote(rnd, date, allRefs));
  }
  // a0001 (defined in logbooks/a-journal.md) used in exactly 500 places: one line in each of the first 500 notes.
  let placed = 0;
  for (const [path, text] of files) {
    if (placed === 500) {
      break;
    }
    if (path.startsWith('notes/')) {
      files.set(path, text + 'Builds on [a0001].\n');
      placed++;
    }
  }
  return files;
}

function main(argv) {
  const [kind, ...rest] = argv;
  if (kind === 'w1' && rest.length === 2) {
    mkdirSync(dirname(rest[1]), { recursive: true });
    writeFileSync(rest[1], w1(Number(rest[0])));
  } else if (kind === 'w2' && rest.length === 3) {
    for (const [path, text] of w2(Number(rest[0]), Number(rest[1]))) {
      const file = join(rest[2], path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  } else {
    console.error('usage: node bench/generate.mjs w1 <entries> <file> | w2 <days> <logbooks> <dir>');
    process.exit(2);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2));
}
