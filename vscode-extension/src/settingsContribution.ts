/**
 * The `logbook.*` settings that mirror the server's configuration (`schemas/logbook.schema.json`).
 * `npm run sync-settings` writes them into package.json; a unit test fails when the two drift.
 * Pure of the `vscode` module.
 */

/** Settings only the extension reads; the server ignores them. */
export const CLIENT_ONLY_SETTINGS = ['java.home', 'java.vmargs', 'trace.server'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** The `contributes.configuration.properties` entries for the server's settings, in schema order. */
export function serverSettings(schema: JsonObject): JsonObject {
  const properties = schema.properties as JsonObject;
  const definitions = (schema.definitions ?? {}) as JsonObject;
  const settings: JsonObject = {};
  for (const [key, value] of Object.entries(properties)) {
    if (key === '$schema') {
      continue;
    }
    const property = inline(value, definitions) as JsonObject;
    const setting: JsonObject = { ...property };
    delete setting.examples;
    if (!('default' in property)) {
      // VS Code needs a default to show; "unset" becomes null for a scalar, and empty for a container.
      const type = property.type;
      if (type === 'object') {
        setting.default = {};
      } else if (type === 'array' || property.oneOf !== undefined) {
        setting.default = [];
      } else {
        setting.type = [type as string, 'null'];
        setting.default = null;
      }
    }
    setting.scope = 'resource';
    settings[`logbook.${key}`] = setting;
  }
  return settings;
}

/** Replaces `{"$ref": "#/definitions/x"}` by the definition, keeping sibling keys such as a description. */
function inline(value: Json, definitions: JsonObject): Json {
  if (Array.isArray(value)) {
    return value.map((item) => inline(item, definitions));
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  let result: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === '$ref' && typeof item === 'string' && item.startsWith('#/definitions/')) {
      result = { ...(inline(definitions[item.slice('#/definitions/'.length)], definitions) as JsonObject), ...result };
    } else {
      result[key] = inline(item, definitions);
    }
  }
  return result;
}
