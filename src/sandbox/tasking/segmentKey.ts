import { FieldError } from '../accounts/errors';
import type { Lonlat } from '../geo/sphere';
import type { Mission, ProgType } from '../accounts/products';
import { sign } from './det';
import { parseWktRing } from './footprint';

/**
 * Segment keys in the providers' style: `<signature>::<JSON list of {key, value}>`. The list carries
 * what an order needs to task the acquisition (period, deadline, footprint, thresholds); the signature
 * lets the sandbox refuse a key it did not issue, or one whose list was edited, as the real one does.
 */

export interface SegmentTerms {
  mission: Mission;
  progType: ProgType;
  satellite: string;
  /** One `start end` period per planned acquisition (OneNow plans up to three). */
  acqPeriods: [string, string][];
  orderDeadline: string;
  extendedAngle: boolean;
  geometryWkt: string;
  maxCloudCover: number;
  maxIncidenceAngle: number;
  incidenceAngle: number;
}

const decimal = (n: number) => (Number.isInteger(n) ? n.toFixed(1) : String(n));

export function buildSegmentKey(seed: number, t: SegmentTerms): string {
  const period = ([s, e]: [string, string]) => `${s} ${e}`;
  const props: { key: string; value: unknown }[] = [
    t.acqPeriods.length === 1 ? { key: 'acqPeriod', value: period(t.acqPeriods[0] as [string, string]) } : { key: 'acqPeriods', value: t.acqPeriods.map(period).join(',') },
    { key: 'extendedAngle', value: t.extendedAngle },
    { key: 'geometryWkt', value: t.geometryWkt },
    { key: 'orderDeadLine', value: t.orderDeadline },
    { key: 'maxCloudCover', value: decimal(t.maxCloudCover) },
    { key: 'maxIncidenceAngle', value: decimal(t.maxIncidenceAngle) },
    { key: 'incidenceAngle', value: decimal(t.incidenceAngle) },
    { key: 'mission', value: t.mission },
    { key: 'progType', value: t.progType },
    { key: 'satellite', value: t.satellite },
  ];
  const text = JSON.stringify(props);
  return `${sign(seed, text)}::${text}`;
}

export interface ReadKey extends SegmentTerms {
  ring: Lonlat[];
}

/** Reads and authenticates a segment key; throws a FieldError on `field` when it is not one of ours. */
export function readSegmentKey(seed: number, key: string, field: string): ReadKey {
  const bad = (why: string) => new FieldError(field, `${field} is not a valid segment key (${why}): use a segmentKey returned by /api/v1/attempts`);
  const at = key.indexOf('::');
  if (at < 0) throw bad('no "::" separator');
  const text = key.slice(at + 2);
  if (key.slice(0, at) !== sign(seed, text)) throw bad('unknown or altered key');
  let props: { key: string; value: unknown }[];
  try {
    props = JSON.parse(text) as { key: string; value: unknown }[];
  } catch {
    throw bad('unreadable properties');
  }
  const get = (k: string) => props.find((p) => p.key === k)?.value;
  const periods = String(get('acqPeriod') ?? get('acqPeriods') ?? '')
    .split(',')
    .map((p) => p.split(' ') as [string, string]);
  const geometryWkt = String(get('geometryWkt'));
  const ring = parseWktRing(geometryWkt);
  if (!ring) throw bad('no footprint');
  return {
    mission: get('mission') as Mission,
    progType: get('progType') as ProgType,
    satellite: String(get('satellite')),
    acqPeriods: periods,
    orderDeadline: String(get('orderDeadLine')),
    extendedAngle: get('extendedAngle') === true,
    geometryWkt,
    maxCloudCover: Number(get('maxCloudCover')),
    maxIncidenceAngle: Number(get('maxIncidenceAngle')),
    incidenceAngle: Number(get('incidenceAngle')),
    ring,
  };
}
