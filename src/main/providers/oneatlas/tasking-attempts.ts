import type { Polygon } from 'geojson';
import { z } from 'zod';
import { parseWkt, parseWktGeometry } from '../../../shared/geo/wkt';
import { ProviderError } from '../../http';
import type { ProviderAttempt, ProviderAttempts, TaskingSearch } from '../tasking';
import type { CallOptions, WithRaw } from '../types';
import type { OneAtlasContext } from './context';
import { capacitiesReply, entryFor, issuesOf, searchBody } from './tasking-search';

/**
 * Attempts (the One Tasking guide, step 6): the acquisitions a OneDay order may choose from, or the
 * package a OneNow order takes. Footprints come as WKT and are mapped to GeoJSON here; the segmentKey
 * is kept byte for byte (the provider signs it and refuses an edited one).
 */

const Segment = z.object({
  id: z.string().min(1),
  footprint: z.object({ geometry: z.string().min(1), center: z.string().nullish() }),
  instrumentMode: z.string().nullish(),
  orderDeadline: z.string().min(1),
  extendedAngle: z.boolean().nullish(),
  acquisitionStartDate: z.string().min(1),
  acquisitionEndDate: z.string().min(1),
  incidenceAngle: z.number().nullish(),
  segmentKey: z.string().min(1),
  acrossTrackIncidenceAngle: z.number().nullish(),
  satellite: z.string().nullish(),
});
const AttemptsReply = capacitiesReply({ segments: z.array(Segment).nullish() });

function footprintOf(wkt: string, segmentId: string): Polygon {
  try {
    const g = parseWkt(wkt);
    // A footprint split in parts keeps its first (the provider sends one strip per segment).
    const rings = g.type === 'Polygon' ? g.coordinates : (g.coordinates[0] ?? []);
    return { type: 'Polygon', coordinates: rings.map((r) => r.map((p) => [p[0] ?? 0, p[1] ?? 0])) };
  } catch (err) {
    throw new ProviderError('PROVIDER_MALFORMED', `Attempt ${segmentId} has an unreadable footprint (${err instanceof Error ? err.message : String(err)}).`, { path: 'segments.footprint.geometry' });
  }
}

function centerOf(wkt: string | null | undefined): [number, number] | null {
  if (!wkt) return null;
  try {
    const g = parseWktGeometry(wkt);
    return g.type === 'Point' ? [g.coordinates[0] ?? 0, g.coordinates[1] ?? 0] : null;
  } catch {
    // The centre is only a label position: a bad one is dropped, the attempt stays usable.
    return null;
  }
}

export async function attempts(ctx: OneAtlasContext, q: TaskingSearch, opts?: CallOptions): Promise<WithRaw<ProviderAttempts>> {
  const { value, raw } = await ctx.api.json({ method: 'POST', url: ctx.url('order', '/api/v1/attempts'), kind: 'read', body: { json: searchBody(q) } }, AttemptsReply, opts);
  const e = entryFor(value, q, 'attempts');
  const list = (e.segments ?? []).map(
    (s): ProviderAttempt => ({
      segmentId: s.id,
      segmentKey: s.segmentKey,
      footprint: footprintOf(s.footprint.geometry, s.id),
      center: centerOf(s.footprint.center),
      satellite: s.satellite ?? s.id.replace(/\d+$/, ''),
      instrumentMode: s.instrumentMode ?? null,
      acquisitionStart: s.acquisitionStartDate,
      acquisitionEnd: s.acquisitionEndDate,
      orderDeadline: s.orderDeadline,
      incidenceAngle: s.incidenceAngle ?? null,
      acrossTrackAngle: s.acrossTrackIncidenceAngle ?? null,
      extendedAngle: s.extendedAngle ?? false,
    }),
  );
  return { value: { available: (e.available ?? list.length > 0) && list.length > 0, errors: issuesOf(e.errors), attempts: list }, raw };
}
