import type { CoveragePoint, Tasking } from '../../../../shared/domain/tasking';
import { formatUtc } from '../../../ui/format';

/**
 * The coverage burn-up chart's maths: validated % over time from the tasking's stored coverage
 * history (a point each time the validated area was seen to change), drawn as steps (coverage holds
 * until the next reading), against the acquisition period. Pure so it is tested without a DOM.
 */

const DAY = 86_400_000;

export interface BurnUpStep {
  t: number;
  at: string;
  /** Validated share, 0..100. */
  pct: number;
  validatedAreaKm2: number | null;
  orderedAreaKm2: number | null;
}

export interface BurnUp {
  steps: BurnUpStep[];
  /** The x domain (ms): the readings and the acquisition period. */
  from: number;
  to: number;
  /** Where the last level is drawn to: when it was last confirmed (the reply's "as of"). */
  until: number;
  period: { start: number | null; end: number | null };
}

const time = (iso: string | null | undefined): number | null => {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
};

/** A point's validated share in %, from its progress or else from its areas; null when neither says. */
function pctOf(p: CoveragePoint): number | null {
  const share = p.progress ?? (p.validatedAreaKm2 !== null && p.orderedAreaKm2 ? p.validatedAreaKm2 / p.orderedAreaKm2 : null);
  return share === null || !Number.isFinite(share) ? null : Math.min(100, Math.max(0, share * 100));
}

/** The chart's series, or null when no reading says how much is validated. */
export function burnUpSeries(coverage: readonly CoveragePoint[] | undefined, opts: { period: Tasking['period']; asOf: string | null }): BurnUp | null {
  const steps = (coverage ?? [])
    .flatMap((p): BurnUpStep[] => {
      const t = time(p.at);
      const pct = pctOf(p);
      return t === null || pct === null ? [] : [{ t, at: p.at, pct, validatedAreaKm2: p.validatedAreaKm2, orderedAreaKm2: p.orderedAreaKm2 }];
    })
    .sort((a, b) => a.t - b.t)
    // Two readings of the same share (an ordered area corrected, a null progress between) are one step.
    .filter((s, i, all) => i === 0 || s.pct !== all[i - 1]?.pct);
  const first = steps[0];
  const last = steps.at(-1);
  if (!first || !last) return null;
  const period = { start: time(opts.period.start), end: time(opts.period.end) };
  const until = Math.max(last.t, time(opts.asOf) ?? last.t);
  const from = Math.min(first.t, period.start ?? first.t);
  let to = Math.max(until, period.end ?? until);
  if (to <= from) to = from + DAY;
  return { steps, from, to, until, period };
}

export interface ChartBox {
  width: number;
  height: number;
  /** Margins for the axes' labels. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface ChartGeometry {
  /** The step line (SVG path). */
  line: string;
  /** The same closed down to 0 %, for the fill under it. */
  area: string;
  dots: { x: number; y: number; step: BurnUpStep }[];
  xTicks: { x: number; label: string; anchor: 'start' | 'middle' | 'end' }[];
  yTicks: { y: number; label: string }[];
  /** The acquisition period's extent on the x axis, when the provider gave it. */
  band: { x0: number; x1: number } | null;
  plot: { x0: number; x1: number; y0: number; y1: number };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Short UTC tick labels: days over a span of two days or more, else day and time. */
export function tickLabel(t: number, spanMs: number): string {
  const iso = formatUtc(new Date(t).toISOString());
  return spanMs >= 2 * DAY ? iso.slice(0, 10) : iso.slice(5, 16);
}

export function chartGeometry(b: BurnUp, box: ChartBox): ChartGeometry {
  const x0 = box.left;
  const x1 = box.width - box.right;
  const y0 = box.height - box.bottom;
  const y1 = box.top;
  const x = (t: number) => round(x0 + ((t - b.from) / (b.to - b.from)) * (x1 - x0));
  const y = (pct: number) => round(y0 - (pct / 100) * (y0 - y1));

  const [first, ...rest] = b.steps;
  let line = '';
  if (first) {
    line = `M${x(first.t)},${y(first.pct)}`;
    for (const s of rest) line += ` H${x(s.t)} V${y(s.pct)}`;
    line += ` H${x(b.until)}`;
  }
  const area = first ? `${line} V${y0} H${x(first.t)} Z` : '';
  const span = b.to - b.from;
  const { start, end } = b.period;
  const band = start !== null || end !== null ? { x0: x(Math.max(b.from, start ?? b.from)), x1: x(Math.min(b.to, end ?? b.to)) } : null;
  return {
    line,
    area,
    dots: b.steps.map((step) => ({ x: x(step.t), y: y(step.pct), step })),
    xTicks: [
      { x: x0, label: tickLabel(b.from, span), anchor: 'start' },
      { x: round((x0 + x1) / 2), label: tickLabel(b.from + span / 2, span), anchor: 'middle' },
      { x: x1, label: tickLabel(b.to, span), anchor: 'end' },
    ],
    yTicks: [0, 50, 100].map((pct) => ({ y: y(pct), label: `${pct} %` })),
    band,
    plot: { x0, x1, y0, y1 },
  };
}

/** A share in % as the chart's table and sentences write it: floored, with "<1 %" for a sliver. */
export const pctText = (pct: number): string => `${pct > 0 && pct < 1 ? '<1' : Math.floor(pct)} %`;

/** The chart in one sentence, for its accessible description. */
export function burnUpDescription(b: BurnUp): string {
  const first = b.steps[0];
  const last = b.steps.at(-1);
  if (!first || !last) return 'No coverage recorded yet.';
  const readings = b.steps.length === 1 ? 'one reading' : `${b.steps.length} readings`;
  const trend =
    b.steps.length === 1
      ? `Validated coverage ${pctText(first.pct)} on ${formatUtc(first.at)}`
      : `Validated coverage went from ${pctText(first.pct)} on ${formatUtc(first.at)} to ${pctText(last.pct)} on ${formatUtc(last.at)}`;
  const period = b.period.start !== null && b.period.end !== null ? ` The acquisition period runs ${formatUtc(new Date(b.period.start).toISOString())} to ${formatUtc(new Date(b.period.end).toISOString())}.` : '';
  return `${trend} (${readings}).${period}`;
}
