import type { Attempt } from '../../../shared/domain/tasking';
import { incidenceColour } from '../../map/incidenceColours';

const W = 360;
const H = 58;
const PAD = 8;
const AXIS_Y = 40;
const DAY = 86_400_000;

const dayLabel = (ms: number) => new Date(ms).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

/**
 * The attempts on a time axis: each acquisition a bar coloured like its footprint, its order deadline a
 * tick joined to it (the time left to decide), and "now". A picture for the pointer; the list below is
 * the same content for the keyboard and screen readers, so this is hidden from them.
 */
export function AttemptsTimeline(props: { attempts: Attempt[]; now: number; hoveredId: string | null; selectedId: string | null; onHover(id: string | null): void; onSelect(id: string): void }) {
  const { attempts, now } = props;
  if (attempts.length === 0) return null;
  const starts = attempts.map((a) => Date.parse(a.acquisitionStart));
  const from = Math.min(now, ...attempts.map((a) => Date.parse(a.orderDeadline)));
  const to = Math.max(...starts) + DAY / 8;
  const x = (ms: number) => PAD + ((ms - from) / Math.max(1, to - from)) * (W - 2 * PAD);
  const firstDay = Math.ceil(from / DAY) * DAY;
  const step = Math.max(1, Math.ceil((to - from) / DAY / 7)) * DAY;
  const days: number[] = [];
  for (let d = firstDay; d <= to; d += step) days.push(d);
  const order = [...attempts.keys()].sort((i, j) => Number(attempts[i]!.id === props.selectedId || attempts[i]!.id === props.hoveredId) - Number(attempts[j]!.id === props.selectedId || attempts[j]!.id === props.hoveredId));

  return (
    <svg className="tasking-timeline" viewBox={`0 0 ${W} ${H}`} width="100%" aria-hidden="true" onMouseLeave={() => props.onHover(null)}>
      <line x1={PAD} x2={W - PAD} y1={AXIS_Y} y2={AXIS_Y} className="tasking-timeline__axis" />
      {days.map((d) => (
        <g key={d}>
          <line x1={x(d)} x2={x(d)} y1={AXIS_Y} y2={AXIS_Y + 4} className="tasking-timeline__axis" />
          <text x={x(d)} y={H - 3} className="tasking-timeline__label" textAnchor="middle">{dayLabel(d)}</text>
        </g>
      ))}
      {order.map((i) => {
        const a = attempts[i]!;
        const at = x(starts[i]!);
        const deadline = x(Date.parse(a.orderDeadline));
        const emphasis = a.id === props.selectedId ? 'is-selected' : a.id === props.hoveredId ? 'is-hovered' : '';
        const expired = Date.parse(a.orderDeadline) <= now;
        return (
          <g
            key={a.id}
            className={`tasking-timeline__attempt ${emphasis}${expired ? ' is-expired' : ''}`}
            onMouseEnter={() => props.onHover(a.id)}
            onClick={() => props.onSelect(a.id)}
          >
            <line x1={deadline} x2={at} y1={AXIS_Y - 4} y2={AXIS_Y - 4} className="tasking-timeline__window" />
            <line x1={deadline} x2={deadline} y1={AXIS_Y - 8} y2={AXIS_Y} className="tasking-timeline__deadline" />
            <rect x={at - 2.5} y={AXIS_Y - 30} width={5} height={26} rx={1.5} fill={incidenceColour(a.incidenceAngle)} />
            <rect x={at - 6} y={AXIS_Y - 32} width={12} height={32} fill="transparent" />
          </g>
        );
      })}
      <line x1={x(now)} x2={x(now)} y1={4} y2={AXIS_Y + 4} className="tasking-timeline__now" />
      <text x={x(now) + 3} y={10} className="tasking-timeline__label">now</text>
    </svg>
  );
}
