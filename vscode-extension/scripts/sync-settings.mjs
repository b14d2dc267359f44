// Rewrites the server-mirroring logbook.* settings in package.json from schemas/logbook.schema.json.
// Run with `npm run sync-settings` after changing the schema; the unit tests check they agree.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { serverSettings, CLIENT_ONLY_SETTINGS } = require('../out/settingsContribution.js');
const schema = JSON.parse(readFileSync(path.join(here, '..', '..', 'schemas', 'logbook.schema.json'), 'utf8'));
const packagePath = path.join(here, '..', 'package.json');
const manifest = JSON.parse(readFileSync(packagePath, 'utf8'));
const properties = manifest.contributes.configuration.properties;
const next = {};
for (const key of CLIENT_ONLY_SETTINGS) {
  next[`logbook.${key}`] = properties[`logbook.${key}`];
}
Object.assign(next, serverSettings(schema));
manifest.contributes.configuration.properties = next;
writeFileSync(packagePath, JSON.stringify(manifest, null, 2) + '\n');
console.log(`package.json: ${Object.keys(next).length} logbook.* settings`);
