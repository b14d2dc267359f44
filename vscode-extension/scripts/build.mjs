// Builds the extension into this folder: the bundled client (dist/extension.js), and copies of the
// server jar, the grammars and the configuration schema from the rest of the repository.
// `--production` minifies. The jar must have been built (mvn package); scripts/package.mjs does that.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const extension = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const repository = path.dirname(extension);
const production = process.argv.includes('--production');

await build({
  entryPoints: [path.join(extension, 'src', 'extension.ts')],
  bundle: true,
  outfile: path.join(extension, 'dist', 'extension.js'),
  external: ['vscode'],
  format: 'cjs',
  platform: 'node',
  target: 'node18',
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
});

function copy(from, to) {
  mkdirSync(path.dirname(to), { recursive: true });
  copyFileSync(from, to);
}
for (const grammar of ['logbook.injection.tmLanguage.json', 'logbook.heading.injection.tmLanguage.json']) {
  copy(path.join(repository, 'grammars', grammar), path.join(extension, 'syntaxes', grammar));
}
copy(path.join(repository, 'schemas', 'logbook.schema.json'), path.join(extension, 'schemas', 'logbook.schema.json'));
const jar = path.join(repository, 'server', 'target', 'logbook-ls.jar');
if (existsSync(jar)) {
  copy(jar, path.join(extension, 'server', 'logbook-ls.jar'));
} else {
  console.warn(`No server jar at ${jar}: run "mvn -B -q package -DskipTests" at the repository root (npm run package does).`);
}
console.log('Built dist/extension.js' + (production ? ' (minified)' : ''));
