/**
 * Attempts and segments share one pointer (taskingMap.ts): its hit list and hover carry keys
 * `attempt:<id>` and `segment:<id>`, turned back into a kind and an id for each port's callbacks.
 */

export type TaskingKind = 'attempt' | 'segment';

export interface TaskingTarget {
  kind: TaskingKind;
  id: string;
}

const SEPARATOR = ':';

export const keyOf = (kind: TaskingKind, id: string): string => `${kind}${SEPARATOR}${id}`;

/** The target of a key (ids may contain the separator: only the first one splits). */
export function parseKey(key: string | null): TaskingTarget | null {
  if (key === null) return null;
  const at = key.indexOf(SEPARATOR);
  const kind = key.slice(0, at);
  if (at < 0 || (kind !== 'attempt' && kind !== 'segment')) return null;
  return { kind, id: key.slice(at + 1) };
}

/**
 * What each kind's hover callbacks hear when the hovered target changes, in order: the kind left
 * behind hears null (once), the kind now hovered hears the new id. Nothing when nothing changed.
 */
export function hoverReports(previous: TaskingTarget | null, next: TaskingTarget | null): [TaskingKind, string | null][] {
  if (previous?.kind === next?.kind && previous?.id === next?.id) return [];
  const reports: [TaskingKind, string | null][] = [];
  if (previous && previous.kind !== next?.kind) reports.push([previous.kind, null]);
  if (next) reports.push([next.kind, next.id]);
  return reports;
}
