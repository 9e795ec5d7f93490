import type { ChangeSink } from './change.js';
import { isObject, type Json, type JsonObject } from './json-pointer.js';

function serversOf(list: Json | undefined): Map<string, JsonObject> {
  const servers = Array.isArray(list) ? list : [];
  return new Map(servers.filter(isObject).map((server) => [String(server.url), server]));
}

const enumOf = (variable: Json | undefined): string[] | undefined =>
  isObject(variable) && Array.isArray(variable.enum) ? variable.enum.map(String) : undefined;

/**
 * Compares two `servers` lists. oasdiff has no server checks (it treats servers as deployment metadata). A client
 * package ships the base URL as its default, so we report a server or a server variable value removed as breaking.
 */
export function compareServers(before: Json | undefined, after: Json | undefined, emit: ChangeSink): void {
  const was = serversOf(before);
  const now = serversOf(after);
  const serverChange = (breaking: boolean, check: string, location: string, message: string): void =>
    emit({
      severity: breaking ? 'breaking' : 'non-breaking',
      id: `api-server-${check}`,
      category: 'servers',
      rule: `server.${check}`,
      location,
      message,
    });
  for (const [url, server] of was) {
    const location = `server ${url}`;
    const next = now.get(url);
    if (!next) {
      serverChange(true, 'removed', location, 'server removed: clients configured with this base URL stop working');
      continue;
    }
    const variablesBefore = isObject(server.variables) ? server.variables : {};
    const variablesAfter = isObject(next.variables) ? next.variables : {};
    for (const [name, variable] of Object.entries(variablesBefore)) {
      const nextVariable = variablesAfter[name];
      const valuesBefore = enumOf(variable);
      const valuesAfter = enumOf(nextVariable);
      // A variable that loses its enum accepts any value, so only values missing from a new enum are removed.
      const removed = valuesAfter ? (valuesBefore ?? []).filter((value) => !valuesAfter.includes(value)) : [];
      const added = valuesBefore ? (valuesAfter ?? []).filter((value) => !valuesBefore.includes(value)) : [];
      if (removed.length > 0)
        serverChange(true, 'variable-enum-value-removed', location, `{${name}} no longer accepts ${removed.join(', ')}`);
      if (added.length > 0) serverChange(false, 'variable-enum-value-added', location, `{${name}} also accepts ${added.join(', ')}`);
      const defaultBefore = isObject(variable) ? variable.default : undefined;
      const defaultAfter = isObject(nextVariable) ? nextVariable.default : undefined;
      if (defaultBefore !== defaultAfter)
        serverChange(
          true,
          'variable-default-changed',
          location,
          `{${name}} default ${String(defaultBefore)} → ${String(defaultAfter)}: clients using the default reach another server`,
        );
    }
  }
  for (const url of now.keys()) {
    if (!was.has(url)) serverChange(false, 'added', `server ${url}`, 'server added');
  }
}
