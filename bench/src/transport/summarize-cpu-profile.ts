import { readFileSync } from 'node:fs';

// Sums a `.cpuprofile` (from `node --cpu-prof`) by function: self time and share, top first.
// `summarize-cpu-profile.ts <file.cpuprofile> [rows]`.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
if (file === undefined) throw new Error('usage: summarize-cpu-profile.ts <file.cpuprofile> [rows]');
const rows = Number(process.argv[3] ?? '40');
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfMicros = new Map<string, number>();
let total = 0;
for (let index = 0; index < profile.samples.length; index++) {
  const node = byId.get(profile.samples[index] as number);
  const delta = profile.timeDeltas[index] ?? 0;
  if (node === undefined) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const where =
    url === ''
      ? ''
      : ` ${url.replace(/^.*node_modules\//, '').replace(/^.*\/packages\//, '')}:${lineNumber + 1}`;
  const key = `${functionName || '(anonymous)'}${where}`;
  selfMicros.set(key, (selfMicros.get(key) ?? 0) + delta);
  total += delta;
}
const sorted = [...selfMicros].sort((left, right) => right[1] - left[1]).slice(0, rows);
for (const [key, micros] of sorted) {
  process.stdout.write(
    `${((micros / total) * 100).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${key}\n`,
  );
}
process.stdout.write(`total ${(total / 1000).toFixed(0)} ms\n`);
const groups = new Map<string, number>();
for (const [key, micros] of selfMicros) {
  const group = key.includes('core/dist')
    ? 'core'
    : key.includes('undici/')
      ? 'undici'
      : key.includes('lru-cache') || key.includes('p-retry')
        ? 'core dependencies'
        : key.includes('node:')
          ? 'node internals'
          : key.startsWith('(')
            ? (key.split(' ')[0] as string)
            : 'other';
  groups.set(group, (groups.get(group) ?? 0) + micros);
}
for (const [group, micros] of [...groups].sort((left, right) => right[1] - left[1])) {
  process.stdout.write(`${group}: ${(micros / 1000).toFixed(0)} ms\n`);
}
