import { readFileSync } from 'node:fs';
import { parseGeoJsonText } from '../src/shared/geo/geojson-import';

/**
 * One measurement in a fresh process (spawned by aoi-import.bench.ts): the peak resident memory while
 * reading and checking the file (`check`) or only reading it and JSON.parse (`json`, the baseline),
 * above the process's resident memory before, printed as JSON. A fresh process each time, because a
 * process's memory never shrinks back between rounds.
 */
const [file, mode] = process.argv.slice(2);
if (!file || (mode !== 'check' && mode !== 'json')) throw new Error('usage: aoi-import-memory.ts <file> check|json');
const before = process.memoryUsage().rss;
let peak = before;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
// The sampler cannot run while the parse holds the thread: sample once more at the end, when the
// parsed result is still alive (the peak of what is kept, and a floor for the transient one).
setTimeout(() => {
  const text = readFileSync(file, 'utf8');
  const result = mode === 'json' ? JSON.parse(text) : parseGeoJsonText(text, { maxVertices: 999 });
  peak = Math.max(peak, process.memoryUsage().rss);
  clearInterval(sampler);
  process.stdout.write(JSON.stringify({ peakOverBefore: peak - before, kept: result !== undefined }));
}, 20);
