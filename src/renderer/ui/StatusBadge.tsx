import './StatusBadge.css';
import { statusTone } from './statusTone';

/** An order's or a quotation's status as the provider words it, coloured by what it means. */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`status-badge status-badge--${statusTone(status)}`}>{status}</span>;
}
