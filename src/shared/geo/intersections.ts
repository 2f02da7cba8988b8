import type { Position } from 'geojson';
import { segmentContact, x, y } from './planar';

/**
 * Finds the contacts that make a (multi)polygon invalid, with a sweep over x so that 50 MB imports
 * with a million vertices stay near O(n log n) instead of comparing every edge with every other.
 *
 * What counts (OGC Simple Features, relaxed where analysts' data is harmless):
 * - within a ring: any contact between non-adjacent edges (a crossing, or the ring touching
 *   itself), and adjacent edges doubling back over each other (a spike);
 * - between rings of one polygon: crossings and shared stretches; a hole touching its shell at a
 *   single point is allowed;
 * - between polygons of a MultiPolygon: crossings only, since those mean overlapping areas; parts
 *   sharing an edge (adjacent parcels) are accepted.
 */

export interface SweepRing {
  /** Closed ring (first position repeated last), no consecutive duplicates. */
  positions: Position[];
  polygon: number;
  /** Opaque label handed back in results (e.g. the ring's path in the input). */
  label: string;
  /** Index in the caller's input of each position, so edges can be reported as the caller numbered them. */
  sourceIndex?: number[];
}

export interface Contact {
  rings: [SweepRing, SweepRing];
  /** Edges as [from, to] indices (source indices when given). */
  segments: [[number, number], [number, number]];
  point: [number, number];
  kind: 'cross' | 'touch' | 'overlap' | 'spike';
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
export function findContacts(rings: SweepRing[], limit = 20): Contact[] {
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
