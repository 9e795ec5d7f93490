import { readFile } from 'node:fs/promises';
import { readHar } from './read-har.js';
import { readPact } from './read-pact.js';
import { type TrafficFile, UnusableTrafficError } from './traffic.js';
import { isObject } from './json-object.js';

/*
 * Reads a traffic file and tells HAR from Pact by its content, not its name: `.json` and `.har` are both common
 * for either.
 */

export async function readTrafficFile(file: string): Promise<TrafficFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UnusableTrafficError(`${file}: cannot read it (${code}); pass the path of a HAR or Pact file`);
  }
  if (text.trim() === '') throw new UnusableTrafficError(`${file}: the file is empty; pass a HAR 1.2 or Pact file`);
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new UnusableTrafficError(`${file}: not JSON, so neither HAR nor Pact; export the traffic as HAR 1.2 or pass a Pact file`);
  }
  if (isObject(document) && isObject(document.log) && Array.isArray(document.log.entries)) return readHar(document, file);
  if (isObject(document) && Array.isArray(document.interactions)) return readPact(document, file);
  throw new UnusableTrafficError(
    `${file}: neither HAR (no log.entries) nor Pact (no interactions); export the traffic as HAR 1.2 or pass a Pact file`,
  );
}
