import { useId } from 'react';
import type { Tasking } from '../../../../shared/domain/tasking';
import { formatUtc } from '../../../ui/format';
import { burnUpDescription, burnUpSeries, chartGeometry, pctText, type ChartBox } from './burnup';
import { formatArea } from './taskingText';

const BOX: ChartBox = { width: 320, height: 150, left: 40, right: 10, top: 10, bottom: 34 };

/**
 * Coverage burn-up: validated % of the ordered area over time, from the readings stored each time it
 * moved, against the acquisition period (shaded) and the 100 % target. An SVG for the eye, a
 * description and a table of the readings for everyone else.
 */
export function BurnUpChart({ tasking, asOf }: { tasking: Tasking; asOf: string | null }) {
  const id = useId();
  const series = burnUpSeries(tasking.coverage, { period: tasking.period, asOf });
  // One reading is a dot, not a trend: said in a sentence until coverage has been seen to move.
  const only = series?.steps.length === 1 ? series.steps[0] : undefined;
  if (!series || only) {
    return (
      <section className="tk-chart" aria-labelledby={`${id}-title`}>
        <h4 id={`${id}-title`} className="tk-subhead">Coverage over time</h4>
        <p className="muted tk-small">
          {only ? `${pctText(only.pct)} validated since ${formatUtc(only.at)}. ` : 'No coverage recorded yet. '}
          The chart draws once the validated area has been seen to change; each refresh that finds a change records it.
        </p>
      </section>
    );
  }
  const g = chartGeometry(series, BOX);
  const description = burnUpDescription(series);
  const { x0, x1, y0, y1 } = g.plot;
  return (
    <section className="tk-chart" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="tk-subhead">Coverage over time</h4>
      <svg className="tk-chart__svg" viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-labelledby={`${id}-svg-title`} aria-describedby={`${id}-desc`}>
        <title id={`${id}-svg-title`}>Validated coverage of {tasking.id}, in % of the ordered area, over time (UTC)</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {g.band && g.band.x1 > g.band.x0 && <rect className="tk-chart__period" x={g.band.x0} y={y1} width={g.band.x1 - g.band.x0} height={y0 - y1} />}
        {g.yTicks.map((t) => (
          <g key={t.label}>
            <line className={t.label === '100 %' ? 'tk-chart__target' : 'tk-chart__grid'} x1={x0} x2={x1} y1={t.y} y2={t.y} />
            <text className="tk-chart__label" x={x0 - 4} y={t.y} textAnchor="end" dominantBaseline="middle">
              {t.label}
            </text>
          </g>
        ))}
        <line className="tk-chart__axis" x1={x0} x2={x1} y1={y0} y2={y0} />
        {g.xTicks.map((t) => (
          <g key={`${t.anchor}-${t.label}`}>
            <line className="tk-chart__axis" x1={t.x} x2={t.x} y1={y0} y2={y0 + 3} />
            <text className="tk-chart__label" x={t.x} y={y0 + 13} textAnchor={t.anchor}>
              {t.label}
            </text>
          </g>
        ))}
        <text className="tk-chart__label tk-chart__axis-title" x={(x0 + x1) / 2} y={BOX.height - 3} textAnchor="middle">
          UTC · shaded: acquisition period
        </text>
        <path className="tk-chart__area" d={g.area} />
        <path className="tk-chart__line" d={g.line} />
        {g.dots.map((d) => (
          <circle key={d.step.at} className="tk-chart__dot" cx={d.x} cy={d.y} r={2.5} />
        ))}
      </svg>
      <details className="tk-chart__data">
        <summary>Readings ({series.steps.length})</summary>
        <table className="tk-table">
          <caption className="visually-hidden">Validated coverage readings of {tasking.id}</caption>
          <thead>
            <tr>
              <th scope="col">Seen</th>
              <th scope="col">Validated</th>
              <th scope="col">Share</th>
            </tr>
          </thead>
          <tbody>
            {series.steps.map((s) => (
              <tr key={s.at}>
                <td>{formatUtc(s.at)}</td>
                <td>{formatArea(s.validatedAreaKm2)}</td>
                <td>{pctText(s.pct)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
