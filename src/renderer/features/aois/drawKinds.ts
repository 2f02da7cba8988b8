import type { DrawKind } from './mapPort';

/** The draw tools, with the key that starts each (shown in the tooltips, bound in useAoiShortcuts). */
export const DRAW: { kind: DrawKind; label: string; key: string }[] = [
  { kind: 'polygon', label: 'Polygon', key: 'P' },
  { kind: 'rectangle', label: 'Rectangle', key: 'R' },
  { kind: 'circle', label: 'Circle', key: 'C' },
];
