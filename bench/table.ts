import { readFileSync } from 'node:fs';
import type { BenchFigure } from './run';

/**
 * `npx tsx bench/table.ts before.json after.json`: one Markdown table of every figure of two
 * `npm run bench` runs (bench-results/bench.json), before beside after, with the target and whether the
 * after run meets it. Figures present in one run only are shown with "—" on the other side.
 */

interface BenchFile {
  at: string;
  results: Record<string, Record<string, BenchFigure>>;
}

const read = (path: string): BenchFile => JSON.parse(readFileSync(path, 'utf8')) as BenchFile;

function shown(f: BenchFigure | undefined): string {
  if (!f) return '—';
  const digits = Math.abs(f.value) >= 100 ? 0 : Math.abs(f.value) >= 10 ? 1 : 2;
  return `${f.value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${f.unit}`;
}

function table(before: BenchFile, after: BenchFile): string {
  const lines = [`Before: run of ${before.at}; after: run of ${after.at}.`, ''];
  const benches = [...new Set([...Object.keys(before.results), ...Object.keys(after.results)])];
  for (const bench of benches) {
    lines.push(`**${bench}**`, '', '| Figure | Before | After | Target | Met (after) |', '|---|---|---|---|---|');
    const b = before.results[bench] ?? {};
    const a = after.results[bench] ?? {};
    for (const name of [...new Set([...Object.keys(b), ...Object.keys(a)])]) {
      const target = a[name]?.target ?? b[name]?.target;
      const met = a[name]?.target === undefined ? '' : a[name]?.met ? '✓' : '✗';
      lines.push(`| ${name.replaceAll('|', '\\|')} | ${shown(b[name])} | ${shown(a[name])} | ${target ?? ''} | ${met} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

const [beforePath, afterPath] = process.argv.slice(2);
if (!beforePath || !afterPath) {
  process.stderr.write('usage: npx tsx bench/table.ts before.json after.json\n');
  process.exit(2);
}
process.stdout.write(table(read(beforePath), read(afterPath)));
