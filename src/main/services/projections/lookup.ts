import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ProjectionInfo } from '../../../shared/domain/projection';

// Both packages ship offline data: `epsg` the proj4 definitions (the set the provider options use),
// `epsg-index` one JSON file per code with its name and area of use. Read on demand, never all at once.
const requireFromHere = createRequire(__filename);
let proj4Defs: Record<string, string> | undefined;
const defs = (): Record<string, string> => (proj4Defs ??= requireFromHere('epsg') as Record<string, string>);
const indexDir = (): string => join(dirname(requireFromHere.resolve('epsg-index/package.json')), 's');

interface IndexEntry {
  name?: string;
  proj4?: string;
  bbox?: [number, number, number, number];
  unit?: string;
  area?: string;
}

function readIndex(code: number): IndexEntry | undefined {
  const file = join(indexDir(), `${code}.json`);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as IndexEntry;
  } catch {
    return undefined; // a few files in the package are empty: treat as unknown
  }
}

const unitsOf = (proj4: string | null, unit?: string): ProjectionInfo['units'] => {
  const text = `${unit ?? ''} ${proj4 ?? ''}`;
  if (/longlat|degree/.test(text)) return 'degree';
  if (/\+units=(us-)?ft|foot/.test(text)) return 'foot';
  if (/\+units=m\b|metre|meter|\+proj=merc/.test(text)) return 'metre';
  return 'other';
};

export function lookupProjection(code: number): ProjectionInfo {
  const entry = readIndex(code);
  const proj4 = defs()[`EPSG:${code}`] ?? entry?.proj4 ?? null;
  // epsg-index writes bboxes as [north, west, south, east].
  const b = entry?.bbox;
  return {
    code,
    name: entry?.name ?? `EPSG:${code}`,
    proj4,
    bbox: b ? [b[1], b[2], b[3], b[0]] : null,
    areaOfUse: entry?.area ?? null,
    units: unitsOf(proj4, entry?.unit),
    unavailable: proj4 ? null : `No projection definition for EPSG:${code} is shipped with Imagery Desk.`,
  };
}
