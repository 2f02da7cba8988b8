import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Contact, SweepRing } from './intersections';
import { describeValue, formatPoint, indexPath, joinPath, type Problem, type Repair } from './issues';
import { extent, pointInRing, segmentContact, signedArea, x, y } from './planar';
import { encirclesPole, hasRightHandWinding, readCapForm, rewind, splitIfCrossing, unwrapPolygon, type CleanRing } from './repair';
import type { AoiCheck, CheckOptions } from './validate';

/**
 * TEST-ONLY (nothing in the app imports this): the AOI check as it was before it was made fast for
 * 50 MB imports (issue 14) — objects per edge, closures per vertex, a fresh copy of every position.
 * It is kept, unchanged in behaviour, as the oracle the property tests compare the fast
 * `checkAoiGeometry` and `findContacts` with: same answer, same problems in the same order, same
 * repairs, same geometry.
 */

function same(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/**
 * Drops heights, removes consecutive duplicates and closes the ring. Duplicates go first, so that
 * a ring given as A B C A A is not "closed" a second time.
 */
function cleanRing(input: Position[]): CleanRing {
  const positions: Position[] = [];
  const sourceIndex: number[] = [];
  const removedDuplicates: number[] = [];
  input.forEach((p, i) => {
    const point: Position = [p[0] as number, p[1] as number];
    const last = positions[positions.length - 1];
    if (last && same(last, point)) {
      removedDuplicates.push(i);
      // Number a kept vertex by its last repeat, so that the edge leaving it is reported as i→i+1.
      sourceIndex[sourceIndex.length - 1] = i;
      return;
    }
    positions.push(point);
    sourceIndex.push(i);
  });
  const first = positions[0];
  const last = positions[positions.length - 1];
  let closed = false;
  if (first && last && positions.length > 1 && !same(first, last)) {
    positions.push([first[0] as number, first[1] as number]);
    sourceIndex.push(sourceIndex[0] as number);
    closed = true;
  }
  return { positions, sourceIndex, closed, removedDuplicates };
}

interface Segment {
  ring: number;
  index: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

function edgeIndices(ring: SweepRing, i: number): [number, number] {
  const from = ring.sourceIndex?.[i] ?? i;
  const to = ring.sourceIndex?.[i + 1] ?? i + 1;
  return [from, to];
}

/** All invalidating contacts, at most `limit` of them (a broken file can have millions). */
function findContacts(rings: SweepRing[], limit = 20): Contact[] {
  const segments: Segment[] = [];
  rings.forEach((ring, r) => {
    const p = ring.positions;
    for (let i = 0; i + 1 < p.length; i++) {
      const a = p[i] as Position;
      const b = p[i + 1] as Position;
      segments.push({
        ring: r,
        index: i,
        minX: Math.min(x(a), x(b)),
        maxX: Math.max(x(a), x(b)),
        minY: Math.min(y(a), y(b)),
        maxY: Math.max(y(a), y(b)),
      });
    }
  });
  segments.sort((s, t) => s.minX - t.minX);

  const found: Contact[] = [];
  let active: Segment[] = [];
  let compactAt = 64;
  for (const s of segments) {
    // Compact only when the list has doubled since the last time: filtering on every step would
    // make the sweep quadratic wherever many edges share an x range (the sides of a round AOI).
    if (active.length > compactAt) {
      active = active.filter((t) => t.maxX >= s.minX);
      compactAt = Math.max(64, 2 * active.length);
    }
    for (const t of active) {
      if (t.maxX < s.minX || t.maxY < s.minY || t.minY > s.maxY) continue;
      const contact = classify(rings, s, t);
      if (contact) {
        found.push(contact);
        if (found.length >= limit) return found;
      }
    }
    active.push(s);
  }
  return found;
}

function classify(rings: SweepRing[], s: Segment, t: Segment): Contact | undefined {
  // Report in ring/edge order so that messages read naturally and tests are deterministic.
  const [first, second] = s.ring < t.ring || (s.ring === t.ring && s.index < t.index) ? [s, t] : [t, s];
  const ringA = rings[first.ring] as SweepRing;
  const ringB = rings[second.ring] as SweepRing;
  const pa = ringA.positions;
  const pb = ringB.positions;
  const a1 = pa[first.index] as Position;
  const a2 = pa[first.index + 1] as Position;
  const b1 = pb[second.index] as Position;
  const b2 = pb[second.index + 1] as Position;
  const contact = segmentContact(a1, a2, b1, b2);
  if (contact.kind === 'none') return undefined;
  const result = (kind: Contact['kind']): Contact => ({
    rings: [ringA, ringB],
    segments: [edgeIndices(ringA, first.index), edgeIndices(ringB, second.index)],
    point: contact.point,
    kind,
  });

  if (first.ring === second.ring) {
    const edges = pa.length - 1;
    const adjacent = second.index - first.index === 1 || (first.index === 0 && second.index === edges - 1);
    if (!adjacent) return result(contact.kind);
    // Neighbours always share a vertex; they are wrong only when one folds back onto the other.
    return contact.kind === 'overlap' ? result('spike') : undefined;
  }
  if (ringA.polygon === ringB.polygon) return contact.kind === 'touch' ? undefined : result(contact.kind);
  return contact.kind === 'cross' ? result('cross') : undefined;
}

export { findContacts as referenceFindContacts };

/** Enough to show the analyst what to fix without flooding the dialog for a broken 50 MB file. */
const MAX_PROBLEMS = 20;

interface ReadRing {
  positions: Position[];
  path: string;
}

/** Structure and numbers: returns rings grouped by polygon, or records problems. */
function readRings(coordinates: unknown, type: 'Polygon' | 'MultiPolygon', base: string, problems: Problem[]): ReadRing[][] {
  const at = joinPath(base, 'coordinates');
  const add = (p: Problem): void => void (problems.length < MAX_PROBLEMS && problems.push(p));
  if (!Array.isArray(coordinates)) {
    add({ code: 'missing-coordinates', message: `A ${type} needs a "coordinates" array; found ${describeValue(coordinates)}.`, path: at });
    return [];
  }
  if (coordinates.length === 0) {
    add({ code: 'empty-geometry', message: `This ${type} is empty: it has no coordinates.`, path: at });
    return [];
  }
  const polygonsIn = type === 'Polygon' ? [coordinates] : coordinates;
  const polygons: ReadRing[][] = [];
  polygonsIn.forEach((rings: unknown, pi) => {
    const polygonPath = type === 'Polygon' ? at : indexPath(at, pi);
    if (!Array.isArray(rings)) {
      add({ code: 'invalid-structure', message: `Expected an array of rings, found ${describeValue(rings)}.`, path: polygonPath });
      return;
    }
    if (rings.length === 0) {
      add({ code: 'empty-geometry', message: `Polygon ${pi + 1} of this MultiPolygon is empty.`, path: polygonPath });
      return;
    }
    const out: ReadRing[] = [];
    rings.forEach((ring: unknown, ri) => {
      const ringPath = indexPath(polygonPath, ri);
      if (!Array.isArray(ring)) {
        add({ code: 'invalid-structure', message: `Expected a ring (an array of positions), found ${describeValue(ring)}.`, path: ringPath });
        return;
      }
      const positions = readPositions(ring, ringPath, add);
      if (positions) out.push({ positions, path: ringPath });
    });
    polygons.push(out);
  });
  return polygons;
}

function readPositions(ring: unknown[], ringPath: string, add: (p: Problem) => void): Position[] | undefined {
  let valid = true;
  const positions: Position[] = [];
  ring.forEach((p: unknown, i) => {
    const path = indexPath(ringPath, i);
    if (!Array.isArray(p) || p.length < 2) {
      const what = Array.isArray(p) ? `${p.length} value${p.length === 1 ? '' : 's'}` : describeValue(p);
      add({ code: Array.isArray(p) ? 'invalid-coordinate' : 'invalid-structure', message: `A position needs longitude and latitude; found ${what}.`, path });
      valid = false;
      return;
    }
    const [lon, lat] = p as unknown[];
    for (const [value, name, index] of [[lon, 'Longitude', 0], [lat, 'Latitude', 1]] as const) {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        add({ code: 'invalid-coordinate', message: `${name} must be a finite number; found ${describeValue(value)}.`, path: indexPath(path, index) });
        valid = false;
      }
    }
    if (typeof lat === 'number' && Number.isFinite(lat) && Math.abs(lat) > 90) {
      add({ code: 'latitude-out-of-range', message: `Latitude ${lat} is beyond ±90°${projectedHint(lat)}.`, path: indexPath(path, 1) });
      valid = false;
    }
    positions.push(p as Position);
  });
  return valid ? positions : undefined;
}

function projectedHint(value: number): string {
  return Math.abs(value) > 1000 ? ': these look like projected coordinates (metres), but AOIs must be longitude/latitude in EPSG:4326' : '';
}

/**
 * Longitudes beyond ±180 are accepted only as a continuous crossing (170 → 190 is the same as
 * 170 → -170): consecutive steps under 180° and part of the ring within [-180, 180]. Anything else
 * is a wrong CRS or a typo, and folding it silently would put the AOI somewhere unintended.
 */
function checkLongitudes(ring: ReadRing, add: (p: Problem) => void): void {
  const lons = ring.positions.map((p) => p[0] as number);
  const outside = lons.findIndex((lon) => Math.abs(lon) > 180);
  if (outside < 0) return;
  const continuous = lons.every((lon, i) => i === 0 || Math.abs(lon - (lons[i - 1] as number)) <= 180);
  const [min, max] = extent(lons);
  const touchesWorld = min <= 180 && max >= -180;
  if (continuous && touchesWorld) return;
  const lon = lons[outside] as number;
  add({
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
export function referenceCheckAoiGeometry(input: unknown, options: CheckOptions = {}): AoiCheck {
  const base = options.path ?? '';
  const problems: Problem[] = [];
  const add = (p: Problem): void => void (problems.length < MAX_PROBLEMS && problems.push(p));
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, problems: [{ code: 'not-an-object', message: `Expected a GeoJSON geometry object; found ${describeValue(input)}.`, path: base }] };
  }
  const { type, coordinates } = input as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    const shown = typeof type === 'string' ? type : describeValue(type);
    return { ok: false, problems: [{ code: 'unsupported-type', message: `${shown} is not an area: only Polygon and MultiPolygon can be AOIs.`, path: joinPath(base, 'type') }] };
  }
  const read = readRings(coordinates, type, base, problems);
  for (const rings of read) for (const ring of rings) checkLongitudes(ring, add);
  if (problems.length > 0) return { ok: false, problems };

  const repairs: Repair[] = [];
  const note = (repair: Repair): void => void repairs.push(repair);
  const heights = read.flat().flatMap((ring) => ring.positions.flatMap((p, i) => (p.length > 2 ? [indexPath(ring.path, i)] : [])));
  if (heights[0]) note({ code: 'dropped-height', message: `Dropped the height of ${heights.length} position${heights.length === 1 ? '' : 's'}: AOIs are 2D.`, path: heights[0], count: heights.length });

  const cleaned = read.map((rings) => rings.map((ring) => ({ ...cleanRing(ring.positions), path: ring.path })));
  const all = cleaned.flat();
  const closed = all.filter((r) => r.closed);
  if (closed[0]) note({ code: 'closed-ring', message: `Closed ${closed.length} ring${closed.length === 1 ? '' : 's'} whose last position differed from the first.`, path: closed[0].path, count: closed.length });
  const dupes = all.flatMap((r) => r.removedDuplicates.map((i) => indexPath(r.path, i)));
  if (dupes[0]) note({ code: 'removed-duplicate-vertices', message: `Removed ${dupes.length} repeated consecutive position${dupes.length === 1 ? '' : 's'}.`, path: dupes[0], count: dupes.length });

  // Caps written the RFC 7946 way become the ring round the pole they mean before topology is judged.
  let written = 0;
  let writtenPath: string | undefined;
  for (const rings of cleaned) {
    rings.forEach((ring, i) => {
      const cap = readCapForm(ring);
      if (!cap) return;
      rings[i] = { ...cap.ring, path: ring.path };
      if (cap.written > 0) writtenPath ??= ring.path;
      written += cap.written;
    });
  }
  if (writtenPath) note({ code: 'followed-parallel', message: `Wrote out ${written} position${written === 1 ? '' : 's'} along the rim of a polar cap so that it follows its parallel: a step of 180° or more has no shortest path.`, path: writtenPath, count: written });

  for (const ring of cleaned.flat()) {
    if (ring.positions.length < 4) {
      const distinct = Math.max(0, ring.positions.length - 1);
      add({ code: 'too-few-positions', message: `A ring needs at least 3 distinct positions (4 with the closing one); this one has ${distinct}.`, path: ring.path });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  // Topology is judged on continuous longitudes so that a ring crossing ±180 is not seen as torn.
  const sweep: SweepRing[] = [];
  const wrongWinding: string[] = [];
  // Zero-area rings and holes outside their shell usually also cross something; crossings say more.
  const secondary: Problem[] = [];
  cleaned.forEach((rings, pi) => {
    const unwrapped = unwrapPolygon(rings.map((r) => r.positions));
    unwrapped.forEach((positions, ri) => {
      const ring = rings[ri] as (typeof rings)[number];
      sweep.push({ positions, polygon: pi, label: ring.path, sourceIndex: ring.sourceIndex });
      if (encirclesPole(positions)) return;
      if (signedArea(positions) === 0) secondary.push({ code: 'degenerate-ring', message: 'This ring encloses no area.', path: ring.path });
      else if (!hasRightHandWinding(positions, ri === 0)) wrongWinding.push(ring.path);
    });
    checkHoles(unwrapped, rings, (p) => secondary.push(p));
  });
  const contacts = findContacts(sweep, MAX_PROBLEMS);
  for (const contact of contacts) add(contactProblem(contact));
  if (contacts.length === 0) secondary.forEach(add);
  if (problems.length > 0) return { ok: false, problems };

  if (wrongWinding[0]) {
    note({ code: 'rewound', message: `Rewound ${wrongWinding.length} ring${wrongWinding.length === 1 ? '' : 's'} to the right-hand rule (exterior counter-clockwise, holes clockwise).`, path: wrongWinding[0], count: wrongWinding.length });
  }
  const coordinates2D = cleaned.map((rings) => rings.map((r) => r.positions));
  const geometry: Polygon | MultiPolygon =
    type === 'Polygon' ? { type, coordinates: coordinates2D[0] ?? [] } : { type, coordinates: coordinates2D };
  const split = splitIfCrossing(geometry);
  if (split) {
    const parts = split.type === 'Polygon' ? 1 : split.coordinates.length;
    note({ code: 'split-at-antimeridian', message: `Crosses the antimeridian (±180°): split into ${parts} part${parts === 1 ? '' : 's'} at the date line.`, path: joinPath(base, 'coordinates'), count: parts });
    return { ok: true, geometry: split, repairs };
  }
  return { ok: true, geometry: rewind(geometry), repairs };
}

/** Holes must lie inside their shell; with no crossings left, one vertex off the boundary decides. */
function checkHoles(unwrapped: Position[][], rings: { path: string }[], add: (p: Problem) => void): void {
  const [shell, ...holes] = unwrapped;
  if (!shell || encirclesPole(shell)) return;
  holes.forEach((hole, i) => {
    for (const p of hole) {
      const inside = pointInRing(p, shell);
      if (inside === undefined) continue;
      if (!inside) add({ code: 'hole-outside-shell', message: `Hole ${i + 1} lies outside its polygon's exterior ring.`, path: (rings[i + 1] as { path: string }).path });
      return;
    }
  });
}
