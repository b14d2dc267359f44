import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'fs';
import * as path from 'path';
import { CLIENT_ONLY_SETTINGS, serverSettings } from '../settingsContribution';

// out/test/ → the extension folder, and the repository's schema beside it.
const extension = path.join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(extension, 'package.json'), 'utf8'));
const schema = JSON.parse(readFileSync(path.join(extension, '..', 'schemas', 'logbook.schema.json'), 'utf8'));
const contributed = manifest.contributes.configuration.properties as Record<string, unknown>;

test('every server setting is a logbook.* setting with the schema\'s type, enum, default and description', () => {
  const expected = serverSettings(schema);
  for (const [key, value] of Object.entries(expected)) {
    assert.deepEqual(contributed[key], value, `${key} differs from schemas/logbook.schema.json; run npm run sync-settings`);
  }
});

test('no logbook.* setting exists that neither the server nor the extension reads', () => {
  const known = new Set([...Object.keys(serverSettings(schema)), ...CLIENT_ONLY_SETTINGS.map((key) => `logbook.${key}`)]);
  assert.deepEqual(Object.keys(contributed).filter((key) => !known.has(key)), []);
  for (const key of CLIENT_ONLY_SETTINGS) {
    assert.ok(`logbook.${key}` in contributed, `logbook.${key} is missing`);
  }
});

test('every diagnostic code of the schema can be given a severity, with the enum inlined', () => {
  const diagnostics = contributed['logbook.diagnostics'] as { properties: Record<string, { enum: string[] }> };
  assert.deepEqual(Object.keys(diagnostics.properties), Object.keys(schema.properties.diagnostics.properties));
  for (const code of Object.values(diagnostics.properties)) {
    assert.deepEqual(code.enum, ['error', 'warning', 'information', 'hint', 'off']);
  }
});

test('.logbook.json is validated against the server\'s schema, copied into the package', () => {
  assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.logbook.json', url: './schemas/logbook.schema.json' }]);
});

test('the Java path and VM arguments cannot come from an untrusted workspace', () => {
  assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['logbook.java.home', 'logbook.java.vmargs']);
});
