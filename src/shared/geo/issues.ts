/**
 * What the AOI checks say about a geometry. Codes are for programs (the importer, tests, telemetry);
 * messages are for the analyst; paths point into the input as it was given (before any repair), in
 * the JavaScript accessor style the analyst can paste into a JSON viewer:
 * `features[2].geometry.coordinates[0][5]`.
 */

/** Safe fixes: the geometry is accepted and the analyst is told what changed. */
export type RepairCode =
  | 'dropped-height'
  | 'rewound'
  | 'closed-ring'
  | 'removed-duplicate-vertices'
  | 'split-at-antimeridian'
  | 'followed-parallel';

/** Reasons a geometry is refused. */
export type ProblemCode =
  | 'unsupported-type'
  | 'not-an-object'
  | 'missing-coordinates'
  | 'empty-geometry'
  | 'invalid-structure'
  | 'invalid-coordinate'
  | 'longitude-out-of-range'
  | 'latitude-out-of-range'
  | 'too-few-positions'
  | 'degenerate-ring'
  | 'self-intersection'
  | 'hole-outside-shell'
  | 'invalid-json'
  | 'not-geojson'
  | 'unsupported-crs'
  | 'no-polygons';

export interface Repair {
  code: RepairCode;
  message: string;
  path: string;
  /** How many positions or rings the repair touched, when more than one can be. */
  count?: number;
}

export interface SelfIntersectionDetails {
  /** Edges as [from, to] vertex indices of the input ring(s) named in `rings`. */
  segments: [[number, number], [number, number]];
  /** Paths of the rings holding the two edges (the same ring twice for a ring crossing itself). */
  rings: [string, string];
  point: [number, number];
}

export interface Problem {
  code: ProblemCode;
  message: string;
  path: string;
  details?: SelfIntersectionDetails | { line: number; column: number; offset: number };
}

/** Joins a base path and an accessor: `join('features[2].geometry', 'coordinates')`. */
export function joinPath(base: string, member: string): string {
  if (base === '') return member;
  return member.startsWith('[') ? `${base}${member}` : `${base}.${member}`;
}

/** `coordinates[0][5]` style suffix from indices. */
export function indexPath(base: string, ...indices: number[]): string {
  // A loop rather than map and join: it names every ring of every AOI in a large import.
  let path = base;
  for (const i of indices) path += `[${i}]`;
  return path;
}

/** Formats a coordinate for messages: short enough to read, precise enough to find. */
export function formatPoint(x: number, y: number): string {
  const f = (n: number): string => String(Number(n.toFixed(7)));
  return `(${f(x)}, ${f(y)})`;
}

/** Human rendering of a value found where a number was expected. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return typeof value === 'object' ? 'an object' : typeof value;
}
