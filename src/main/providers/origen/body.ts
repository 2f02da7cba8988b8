import type { Polygon } from 'geojson';
import { RECURRENCE_UNIT_CODE } from '../../../shared/domain/programming';
import { toWkt } from '../../../shared/geo/wkt';
import { DeskFailure } from '../../errors';
import type { ProgrammingRequest } from './types';

/**
 * The guide's create body, field by field as its table lists them.
 *
 * Geometry: the table types `geometry` as "Geometry (WKT)" while the example sends a GeoJSON string.
 * The table is the specification, the example an illustration, so WKT is sent by default; an account
 * whose service follows the example sets its identity field `geometryForm` to `geojson`.
 *
 * Dates: of the two documented forms, `yyyy-MM-ddTHH:mm:ss` is sent: it keeps the seconds the form
 * holds (the other form would silently round a window to the minute) and is ISO 8601's own local form.
 * The guide names no time zone, so dates go out in UTC and the form shows UTC beside local time.
 */

export type GeometryForm = 'wkt' | 'geojson';

export function geometryFormOf(identity: Record<string, string>): GeometryForm {
  const v = (identity['geometryForm'] ?? '').trim().toLowerCase();
  if (v === '' || v === 'wkt') return 'wkt';
  if (v === 'geojson') return 'geojson';
  throw new DeskFailure('INVALID_ACCOUNT', `The account's geometry form “${identity['geometryForm']}” is neither wkt nor geojson. Correct it in the account.`, { field: 'identity.geometryForm' });
}

export function geometryText(g: Polygon, form: GeometryForm): string {
  return form === 'wkt' ? toWkt(g) : JSON.stringify({ type: 'Polygon', coordinates: g.coordinates });
}

/** `yyyy-MM-ddTHH:mm:ss` in UTC. */
export const origenDate = (iso: string): string => new Date(Date.parse(iso)).toISOString().slice(0, 19);

export function programmingBody(req: ProgrammingRequest, form: GeometryForm): Record<string, unknown> {
  const body: Record<string, unknown> = {
    provider: req.provider,
    geometry: geometryText(req.geometry, form),
    startDate: origenDate(req.start),
    endDate: origenDate(req.end),
    recurring: req.recurrence !== null,
  };
  if (req.recurrence) {
    body['recurringDay'] = req.recurrence.every;
    body['recurringUnit'] = RECURRENCE_UNIT_CODE[req.recurrence.unit];
  }
  // Optional in the guide and meaningless for SAR: sent only when the optical order sets one.
  if (req.maxCloud !== null) body['maxCloud'] = req.maxCloud;
  body['resolutionType'] = req.resolutionType;
  return body;
}
