/*
 * Ranks the self time of a --cpu-prof profile by package or source file: `npx tsx bench/profile-summary.ts <dir>`
 * reads the newest .cpuprofile there and prints the share of samples per place (node internals, undici,
 * openapi-fetch, our src/ files, the generated validators, garbage collection, idle).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
}

function placeOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (url === '') return `(${functionName || 'native'})`;
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules) return inModules[1] as string;
  if (url.startsWith('node:'))
    return url.startsWith('node:internal/deps/undici') ? 'node:undici (fetch)' : url.replace(/^node:internal\//, 'node:');
  const ours = /\/(src|generated|bench)\/(.+)$/.exec(url);
  return ours ? `${ours[1]}/${ours[2]}` : url;
}

async function main(): Promise<void> {
  const directory = process.argv[2] ?? '.';
  const files = (await readdir(directory)).filter((name) => name.endsWith('.cpuprofile'));
  const newest = (await Promise.all(files.map(async (name) => ({ name, time: (await stat(join(directory, name))).mtimeMs })))).sort(
    (a, b) => b.time - a.time,
  )[0];
  if (!newest) throw new Error(`no .cpuprofile in ${directory}`);
  const profile = JSON.parse(await readFile(join(directory, newest.name), 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const counts = new Map<string, number>();
  for (const id of profile.samples) {
    const node = byId.get(id);
    if (!node) continue;
    const place = placeOf(node.callFrame);
    counts.set(place, (counts.get(place) ?? 0) + 1);
  }
  const total = profile.samples.length;
  for (const [place, count] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${((100 * count) / total).toFixed(1).padStart(5)}%  ${place}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
