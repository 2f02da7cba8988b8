import type { ShownError } from '../api/errors';
import { ErrorNote } from './ErrorNote';

/** What a detail panel knows of its item's quicklook on the map. */
export type QuicklookShown = { status: 'shown'; cached: boolean } | { status: 'error'; error: ShownError };

/** One line under a selected item's facts: loading, shown (from the stored copy or not), or why not. */
export function QuicklookStatus(props: { loading: boolean; quicklook: QuicklookShown | null; className?: string }) {
  const className = ['muted', props.className].filter(Boolean).join(' ');
  if (props.loading) return <p className={className} role="status">Loading quicklook…</p>;
  if (props.quicklook?.status === 'shown') return <p className={className} role="status">Quicklook shown on the map{props.quicklook.cached ? ' (stored copy)' : ''}.</p>;
  if (props.quicklook?.status === 'error') return <ErrorNote error={props.quicklook.error} label="Quicklook unavailable" />;
  return null;
}
