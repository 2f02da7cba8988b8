import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run bench`: runs every `bench/*.bench.ts`, prints its figures and writes them all to
 * bench-results/bench.json. Figures are reported against targets, never asserted: benches inform.
 */
export interface BenchFigure {
  value: number;
  unit: string;
  /** e.g. "<= 50" — shown beside the value; `met` says whether the value reaches it. */
  target?: string;
  met?: boolean;
}
export interface Bench {
  name: string;
  run(): Promise<Record<string, BenchFigure>>;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

async function main(): Promise<void> {
  const only = process.argv[2];
  const files = readdirSync(__dirname).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only))).sort();
  const results: Record<string, Record<string, BenchFigure>> = {};
  for (const file of files) {
    const bench = ((await import(join(__dirname, file))) as { default: Bench }).default;
    process.stdout.write(`\n${bench.name}\n`);
    const figures = await bench.run();
    results[bench.name] = figures;
    for (const [key, f] of Object.entries(figures)) {
      const verdict = f.target ? `  target ${f.target} ${f.met ? '✓ met' : '✗ not met'}` : '';
      process.stdout.write(`  ${key.padEnd(44)} ${f.value.toFixed(2).padStart(12)} ${f.unit}${verdict}\n`);
    }
  }
  const outDir = join(__dirname, '..', 'bench-results');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'bench.json');
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2));
  process.stdout.write(`\nwritten to ${file}\n`);
}

void main();
