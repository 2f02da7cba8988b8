import type { MultiPolygon, Polygon, Position } from 'geojson';
import { findContacts, type Contact, type SweepRing } from './intersections';
import { describeValue, formatPoint, indexPath, joinPath, type Problem, type Repair } from './issues';
import { ringsCrossAntimeridian } from './antimeridian';
import { extent, pointInRing, signedArea } from './planar';
import { cleanRing, encirclesPole, readCapForm, rewind, splitIfCrossing, unwrapPolygon, type CleanRing } from './repair';

/**
 * The gate every AOI goes through, whatever its origin (drawn, GeoJSON, WKT): takes anything,
 * never throws, and either returns a geometry that is safe to store and send (RFC 7946: 2D lon/lat,
 * closed rings, right-hand winding, nothing beyond ±180) with the list of repairs made, or says
 * precisely why not. Checks run in order of what the analyst must fix first: structure and numbers,
 * then ring sizes, then topology, so a file with strings in it is not also reported as "crossing".
 */

export type AoiCheck =
  | { ok: true; geometry: Polygon | MultiPolygon; repairs: Repair[] }
  | { ok: false; problems: Problem[] };

export interface CheckOptions {
  /** Where the geometry sits in a larger document, prefixed to every path. */
  path?: string;
}

/** Enough to show the analyst what to fix without flooding the dialog for a broken 50 MB file. */
const MAX_PROBLEMS = 20;

interface ReadRing {
  positions: Position[];
  path: string;
  /** Positions with more than two values, and the input index of the first of them (-1 for none). */
  heights: number;
  firstHeight: number;
  /** Whether some longitude lies beyond ±180. */
  outside: boolean;
  /** Whether some position lies on a pole, so the ring may be a cap in RFC 7946 form. */
  touchesPole: boolean;
}

/*
 * The common case is a valid polygon from a large file, so the passes below are plain loops that
 * allocate nothing per position and build a path string only for a problem being reported: tens of
 * thousands of AOIs with millions of positions go through here on import and again on commit.
 */

/** Structure and numbers: returns rings grouped by polygon, or records problems. */
function readRings(coordinates: unknown, type: 'Polygon' | 'MultiPolygon', base: string, problems: Problem[]): ReadRing[][] {
  const at = joinPath(base, 'coordinates');
  if (!Array.isArray(coordinates)) {
    add(problems, { code: 'missing-coordinates', message: `A ${type} needs a "coordinates" array; found ${describeValue(coordinates)}.`, path: at });
    return [];
  }
  if (coordinates.length === 0) {
    add(problems, { code: 'empty-geometry', message: `This ${type} is empty: it has no coordinates.`, path: at });
    return [];
  }
  const polygonsIn: unknown[] = type === 'Polygon' ? [coordinates] : coordinates;
  const polygons: ReadRing[][] = [];
  for (let pi = 0; pi < polygonsIn.length; pi++) {
    // Holes in sparse arrays are skipped, as forEach skips them.
    if (!(pi in polygonsIn)) continue;
    const rings = polygonsIn[pi];
    const polygonPath = type === 'Polygon' ? at : indexPath(at, pi);
    if (!Array.isArray(rings)) {
      add(problems, { code: 'invalid-structure', message: `Expected an array of rings, found ${describeValue(rings)}.`, path: polygonPath });
      continue;
    }
    if (rings.length === 0) {
      add(problems, { code: 'empty-geometry', message: `Polygon ${pi + 1} of this MultiPolygon is empty.`, path: polygonPath });
      continue;
    }
    const out: ReadRing[] = [];
    for (let ri = 0; ri < rings.length; ri++) {
      if (!(ri in rings)) continue;
      const ring: unknown = rings[ri];
      const ringPath = indexPath(polygonPath, ri);
      if (!Array.isArray(ring)) {
        add(problems, { code: 'invalid-structure', message: `Expected a ring (an array of positions), found ${describeValue(ring)}.`, path: ringPath });
        continue;
      }
      const read = readPositions(ring, ringPath, problems);
      if (read) out.push(read);
    }
    polygons.push(out);
  }
  return polygons;
}

function add(problems: Problem[], p: Problem): void {
  if (problems.length < MAX_PROBLEMS) problems.push(p);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** One ring's positions, with what the later steps need to know about them, or undefined when invalid. */
function readPositions(ring: unknown[], ringPath: string, problems: Problem[]): ReadRing | undefined {
  let valid = true;
  let sparse = false;
  let heights = 0;
  let firstHeight = -1;
  let outside = false;
  let touchesPole = false;
  for (let i = 0; i < ring.length; i++) {
    const p: unknown = ring[i];
    if (p === undefined && !(i in ring)) {
      // Holes in a sparse array are skipped, as forEach skips them.
      sparse = true;
      continue;
    }
    if (!Array.isArray(p) || p.length < 2) {
      const what = Array.isArray(p) ? `${p.length} value${p.length === 1 ? '' : 's'}` : describeValue(p);
      add(problems, { code: Array.isArray(p) ? 'invalid-coordinate' : 'invalid-structure', message: `A position needs longitude and latitude; found ${what}.`, path: indexPath(ringPath, i) });
      valid = false;
      continue;
    }
    const lon: unknown = p[0];
    const lat: unknown = p[1];
    if (!isFiniteNumber(lon)) {
      add(problems, { code: 'invalid-coordinate', message: `Longitude must be a finite number; found ${describeValue(lon)}.`, path: indexPath(ringPath, i, 0) });
      valid = false;
    }
    if (!isFiniteNumber(lat)) {
      add(problems, { code: 'invalid-coordinate', message: `Latitude must be a finite number; found ${describeValue(lat)}.`, path: indexPath(ringPath, i, 1) });
      valid = false;
    } else if (Math.abs(lat) > 90) {
      add(problems, { code: 'latitude-out-of-range', message: `Latitude ${lat} is beyond ±90°${projectedHint(lat)}.`, path: indexPath(ringPath, i, 1) });
      valid = false;
    } else if (lat === 90 || lat === -90) {
      touchesPole = true;
    }
    // Only read when the whole ring is valid.
    if (Math.abs(lon as number) > 180) outside = true;
    if (p.length > 2) {
      if (heights === 0) firstHeight = i;
      heights++;
    }
  }
  if (!valid) return undefined;
  // The ring itself when dense (nothing here or later changes it); numbered as the kept positions
  // are when sparse, like every later step.
  if (!sparse) return { positions: ring as Position[], path: ringPath, heights, firstHeight, outside, touchesPole };
  const positions = ring.filter(() => true) as Position[];
  const first = positions.findIndex((p) => p.length > 2);
  return { positions, path: ringPath, heights, firstHeight: first, outside, touchesPole };
}

function projectedHint(value: number): string {
  return Math.abs(value) > 1000 ? ': these look like projected coordinates (metres), but AOIs must be longitude/latitude in EPSG:4326' : '';
}

/**
 * Longitudes beyond ±180 are accepted only as a continuous crossing (170 → 190 is the same as
 * 170 → -170): consecutive steps under 180° and part of the ring within [-180, 180]. Anything else
 * is a wrong CRS or a typo, and folding it silently would put the AOI somewhere unintended.
 */
function checkLongitudes(ring: ReadRing, problems: Problem[]): void {
  if (!ring.outside) return;
  const lons = ring.positions.map((p) => p[0] as number);
  const outside = lons.findIndex((lon) => Math.abs(lon) > 180);
  if (outside < 0) return;
  const continuous = lons.every((lon, i) => i === 0 || Math.abs(lon - (lons[i - 1] as number)) <= 180);
  const [min, max] = extent(lons);
  const touchesWorld = min <= 180 && max >= -180;
  if (continuous && touchesWorld) return;
  const lon = lons[outside] as number;
  add(problems, {
    code: 'longitude-out-of-range',
    message: `Longitude ${lon} is beyond ±180°${projectedHint(lon) || ' and the ring is not a continuous crossing of the antimeridian'}.`,
    path: indexPath(ring.path, outside, 0),
  });
}

function contactProblem(contact: Contact): Problem {
  const [ringA, ringB] = contact.rings;
  const [[a1, a2], [b1, b2]] = contact.segments;
  const at = formatPoint(contact.point[0], contact.point[1]);
  let message: string;
  if (ringA === ringB) {
    const edges = `edges ${a1}→${a2} and ${b1}→${b2}`;
    message =
      contact.kind === 'spike'
        ? `The ring folds back on itself: ${edges} overlap from ${at}.`
        : contact.kind === 'overlap'
          ? `The ring runs over itself: ${edges} overlap from ${at}.`
          : contact.kind === 'touch'
            ? `The ring touches itself: ${edges} meet at ${at}.`
            : `The ring crosses itself: ${edges} intersect at ${at}.`;
  } else {
    const edges = `edge ${a1}→${a2} of the first and ${b1}→${b2} of the second`;
    message =
      contact.kind === 'overlap'
        ? `Rings ${ringA.label} and ${ringB.label} overlap: ${edges} run together from ${at}.`
        : `Rings ${ringA.label} and ${ringB.label} cross: ${edges} intersect at ${at}.`;
  }
  return {
    code: 'self-intersection',
    message,
    path: ringA.label,
    details: { segments: contact.segments, rings: [ringA.label, ringB.label], point: contact.point },
  };
}

/** Checks and repairs an AOI geometry given as parsed JSON; never throws. */
export function checkAoiGeometry(input: unknown, options: CheckOptions = {}): AoiCheck {
  const base = options.path ?? '';
  const problems: Problem[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, problems: [{ code: 'not-an-object', message: `Expected a GeoJSON geometry object; found ${describeValue(input)}.`, path: base }] };
  }
  const { type, coordinates } = input as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    const shown = typeof type === 'string' ? type : describeValue(type);
    return { ok: false, problems: [{ code: 'unsupported-type', message: `${shown} is not an area: only Polygon and MultiPolygon can be AOIs.`, path: joinPath(base, 'type') }] };
  }
  const read = readRings(coordinates, type, base, problems);
  for (const rings of read) for (const ring of rings) checkLongitudes(ring, problems);
  if (problems.length > 0) return { ok: false, problems };

  const repairs: Repair[] = [];
  let heights = 0;
  let heightsPath: string | undefined;
  for (const rings of read) {
    for (const ring of rings) {
      if (ring.heights === 0) continue;
      heightsPath ??= indexPath(ring.path, ring.firstHeight);
      heights += ring.heights;
    }
  }
  if (heightsPath !== undefined) repairs.push({ code: 'dropped-height', message: `Dropped the height of ${heights} position${heights === 1 ? '' : 's'}: AOIs are 2D.`, path: heightsPath, count: heights });

  const cleaned: (CleanRing & { path: string })[][] = [];
  let closed = 0;
  let closedPath: string | undefined;
  let dupes = 0;
  let dupesPath: string | undefined;
  // Caps written the RFC 7946 way become the ring round the pole they mean before topology is judged.
  let written = 0;
  let writtenPath: string | undefined;
  for (const rings of read) {
    const out: (CleanRing & { path: string })[] = [];
    for (const ring of rings) {
      let clean: CleanRing & { path: string } = { ...cleanRing(ring.positions), path: ring.path };
      if (clean.closed) {
        closedPath ??= ring.path;
        closed++;
      }
      if (clean.removedDuplicates.length > 0) {
        dupesPath ??= indexPath(ring.path, clean.removedDuplicates[0] as number);
        dupes += clean.removedDuplicates.length;
      }
      // Only a ring on a pole can be a cap in that form; reading one costs a pass, so only then.
      const cap = ring.touchesPole ? readCapForm(clean) : undefined;
      if (cap) {
        clean = { ...cap.ring, path: ring.path };
        if (cap.written > 0) writtenPath ??= ring.path;
        written += cap.written;
      }
      out.push(clean);
    }
    cleaned.push(out);
  }
  if (closedPath !== undefined) repairs.push({ code: 'closed-ring', message: `Closed ${closed} ring${closed === 1 ? '' : 's'} whose last position differed from the first.`, path: closedPath, count: closed });
  if (dupesPath !== undefined) repairs.push({ code: 'removed-duplicate-vertices', message: `Removed ${dupes} repeated consecutive position${dupes === 1 ? '' : 's'}.`, path: dupesPath, count: dupes });
  if (writtenPath) repairs.push({ code: 'followed-parallel', message: `Wrote out ${written} position${written === 1 ? '' : 's'} along the rim of a polar cap so that it follows its parallel: a step of 180° or more has no shortest path.`, path: writtenPath, count: written });

  for (const rings of cleaned) {
    for (const ring of rings) {
      if (ring.positions.length < 4) {
        const distinct = Math.max(0, ring.positions.length - 1);
        add(problems, { code: 'too-few-positions', message: `A ring needs at least 3 distinct positions (4 with the closing one); this one has ${distinct}.`, path: ring.path });
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  // Topology is judged on continuous longitudes so that a ring crossing ±180 is not seen as torn.
  const sweep: SweepRing[] = [];
  let wrongWinding = 0;
  let wrongWindingPath: string | undefined;
  // Zero-area rings and holes outside their shell usually also cross something; crossings say more.
  const secondary: Problem[] = [];
  let crossing = false;
  /** Signed planar area of each ring as checked, computed once: it decides degeneracy, winding and rewinding. */
  const areas: number[][] = [];
  for (let pi = 0; pi < cleaned.length; pi++) {
    const rings = cleaned[pi] as (CleanRing & { path: string })[];
    const positions = rings.map((r) => r.positions);
    const crosses = ringsCrossAntimeridian(positions);
    crossing ||= crosses;
    const unwrapped = crosses ? unwrapPolygon(positions) : positions;
    const polygonAreas: number[] = [];
    for (let ri = 0; ri < unwrapped.length; ri++) {
      const ring = rings[ri] as CleanRing & { path: string };
      const ringPositions = unwrapped[ri] as Position[];
      sweep.push(ring.sourceIndex ? { positions: ringPositions, polygon: pi, label: ring.path, sourceIndex: ring.sourceIndex } : { positions: ringPositions, polygon: pi, label: ring.path });
      const area = signedArea(ringPositions);
      polygonAreas.push(area);
      if (encirclesPole(ringPositions)) continue;
      if (area === 0) secondary.push({ code: 'degenerate-ring', message: 'This ring encloses no area.', path: ring.path });
      else if (!(ri === 0 ? area >= 0 : area <= 0)) {
        wrongWindingPath ??= ring.path;
        wrongWinding++;
      }
    }
    areas.push(polygonAreas);
    if (unwrapped.length > 1) checkHoles(unwrapped, rings, secondary);
  }
  const contacts = findContacts(sweep, MAX_PROBLEMS);
  for (const contact of contacts) add(problems, contactProblem(contact));
  if (contacts.length === 0) for (const p of secondary) add(problems, p);
  if (problems.length > 0) return { ok: false, problems };

  if (wrongWindingPath !== undefined) {
    repairs.push({ code: 'rewound', message: `Rewound ${wrongWinding} ring${wrongWinding === 1 ? '' : 's'} to the right-hand rule (exterior counter-clockwise, holes clockwise).`, path: wrongWindingPath, count: wrongWinding });
  }
  if (crossing) {
    const coordinates2D = cleaned.map((rings) => rings.map((r) => r.positions));
    const geometry: Polygon | MultiPolygon =
      type === 'Polygon' ? { type, coordinates: coordinates2D[0] ?? [] } : { type, coordinates: coordinates2D };
    const split = splitIfCrossing(geometry);
    if (split) {
      const parts = split.type === 'Polygon' ? 1 : split.coordinates.length;
      repairs.push({ code: 'split-at-antimeridian', message: `Crosses the antimeridian (±180°): split into ${parts} part${parts === 1 ? '' : 's'} at the date line.`, path: joinPath(base, 'coordinates'), count: parts });
      return { ok: true, geometry: split, repairs };
    }
    return { ok: true, geometry: rewind(geometry), repairs };
  }
  // Nothing crosses ±180, so the areas above were measured on these very rings: rewind by them.
  const rewound = cleaned.map((rings, pi) =>
    rings.map((ring, ri) => {
      const area = (areas[pi] as number[])[ri] as number;
      return (ri === 0 ? area >= 0 : area <= 0) ? ring.positions : [...ring.positions].reverse();
    }),
  );
  const geometry: Polygon | MultiPolygon = type === 'Polygon' ? { type, coordinates: rewound[0] ?? [] } : { type, coordinates: rewound };
  return { ok: true, geometry, repairs };
}

/** Holes must lie inside their shell; with no crossings left, one vertex off the boundary decides. */
function checkHoles(unwrapped: Position[][], rings: { path: string }[], secondary: Problem[]): void {
  const [shell, ...holes] = unwrapped;
  if (!shell || encirclesPole(shell)) return;
  holes.forEach((hole, i) => {
    for (const p of hole) {
      const inside = pointInRing(p, shell);
      if (inside === undefined) continue;
      if (!inside) secondary.push({ code: 'hole-outside-shell', message: `Hole ${i + 1} lies outside its polygon's exterior ring.`, path: (rings[i + 1] as { path: string }).path });
      return;
    }
  });
}
