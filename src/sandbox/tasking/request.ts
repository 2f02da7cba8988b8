import { FieldError } from '../accounts/errors';
import { bboxCentre, bboxOfPolygons } from '../../shared/geo/bbox';
import { aoiAreaKm2, parseGeometry, type Polygons } from '../geo/aoi';
import type { Lonlat } from '../geo/sphere';
import { findContract, PRODUCT_TYPES, type ContractDef, type Mission, type ProductTypeDef, type ProgType } from '../accounts/products';
import { isRecord } from '../accounts/requests';

/**
 * The body shared by `/feasibility` and `/attempts`. The guide and the spec disagree on small points
 * (`missions` array vs `mission` string, `progTypeNames` array vs string, `aoi` as a GeoJSON Polygon vs
 * its bare coordinates): every spelling a real client may send is read, and the first problem found
 * is reported naming its field.
 */

/** Pléiades Neo names its OneNow offer after its two flavours; the sandbox sells the "attempts" one. */
export type ProgTypeName = ProgType | 'ONENOWATTEMPTS' | 'ONENOWWEATHER';
const PROG_TYPE_NAMES: readonly ProgTypeName[] = ['ONEDAY', 'ONENOW', 'ONEPLAN', 'ONESERIES', 'ONENOWATTEMPTS', 'ONENOWWEATHER'];
const MISSIONS: readonly Mission[] = ['PLEIADES', 'SPOT', 'PLEIADESNEO'];
const MODES = ['MONO', 'STEREO', 'TRISTEREO'] as const;

export interface TaskingQuery {
  contract: ContractDef;
  missions: Mission[];
  progTypeNames: ProgTypeName[];
  /** Start clamped to now: the spec says a start in the past is replaced by the current date. */
  start: Date;
  end: Date | undefined;
  acquisitionMode: (typeof MODES)[number];
  maxCloudCover: number;
  maxIncidenceAngle: number;
  polygons: Polygons;
  areaKm2: number;
  centre: Lonlat;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export function isoDate(v: unknown, field: string): Date {
  if (typeof v !== 'string' || !ISO.test(v) || Number.isNaN(Date.parse(v))) {
    throw new FieldError(field, `${field} must be an ISO 8601 date-time such as 2021-05-12T11:03:19.052Z`);
  }
  return new Date(v);
}

function names<T extends string>(v: unknown, field: string, allowed: readonly T[]): T[] {
  const list = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(list) || list.length === 0) throw new FieldError(field, `${field} must be a non-empty array`);
  return list.map((n, i) => {
    if (!allowed.includes(n as T)) throw new FieldError(`${field}[${i}]`, `${field}[${i}] '${String(n)}' is not one of ${allowed.join(', ')}`);
    return n as T;
  });
}

function number(v: unknown, field: string, min: number, max: number, fallback: number): number {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw new FieldError(field, `${field} must be a number between ${min} and ${max}`);
  return v;
}

function aoi(v: unknown): Polygons {
  // The spec's examples send the polygon's coordinates alone; the guide sends a GeoJSON Polygon.
  const geometry = Array.isArray(v) ? { type: 'Polygon', coordinates: v } : v;
  if (isRecord(geometry) && geometry['type'] !== 'Polygon') throw new FieldError('aoi.type', `aoi.type must be "Polygon" (got ${JSON.stringify(geometry['type'] ?? null)})`);
  const parsed = parseGeometry(geometry);
  if (typeof parsed === 'string') throw new FieldError('aoi', `aoi ${parsed}`);
  return parsed.polygons;
}

export function parseTaskingQuery(body: Record<string, unknown>, now: Date): TaskingQuery {
  const contractId = body['contractId'];
  if (typeof contractId !== 'string' || contractId === '') throw new FieldError('contractId', 'contractId is mandatory');
  const contract = findContract('oneatlas', contractId);
  if (!contract) throw new FieldError('contractId', `CIS contract '${contractId}' not found.`, 404, 'E2203');
  const missionField = body['missions'] !== undefined ? 'missions' : 'mission';
  const missions = names(body[missionField], missionField, MISSIONS);
  const progTypeNames = names(body['progTypeNames'], 'progTypeNames', PROG_TYPE_NAMES);

  const dates = body['acquisitionDate'];
  if (!isRecord(dates)) throw new FieldError('acquisitionDate', 'acquisitionDate must be an object with startDate and endDate');
  const requestedStart = isoDate(dates['startDate'], 'acquisitionDate.startDate');
  const end = dates['endDate'] === null || dates['endDate'] === undefined ? undefined : isoDate(dates['endDate'], 'acquisitionDate.endDate');
  const start = requestedStart < now ? now : requestedStart;
  if (end && end <= start) {
    throw new FieldError('acquisitionDate.endDate', `acquisitionDate.endDate must be after the start date (${start.toISOString()}): tasking always refers to the future`);
  }

  const optical = body['optical'] === undefined ? {} : body['optical'];
  if (!isRecord(optical)) throw new FieldError('optical', 'optical must be an object');
  const mode = optical['acquisitionMode'] ?? 'MONO';
  if (!MODES.includes(mode as (typeof MODES)[number])) throw new FieldError('optical.acquisitionMode', `optical.acquisitionMode must be one of ${MODES.join(', ')}`);

  const polygons = aoi(body['aoi']);
  return {
    contract,
    missions,
    progTypeNames,
    start,
    end,
    acquisitionMode: mode as (typeof MODES)[number],
    maxCloudCover: number(optical['maxCloudCover'], 'optical.maxCloudCover', 0, 100, 100),
    maxIncidenceAngle: number(optical['maxIncidenceAngle'], 'optical.maxIncidenceAngle', 0, 90, 90),
    polygons,
    areaKm2: aoiAreaKm2(polygons),
    centre: bboxCentre(bboxOfPolygons(polygons)),
  };
}

/** The product the contract sells for a mission and programming type (undefined: not on this contract). */
export function taskingProduct(contract: ContractDef, mission: Mission, name: ProgTypeName): ProductTypeDef | undefined {
  const progType: ProgType | undefined = name === 'ONENOWATTEMPTS' ? 'ONENOW' : name === 'ONENOWWEATHER' ? undefined : name;
  // Pléiades Neo only knows its own OneNow names; SPOT and Pléiades only the plain ones.
  if (mission === 'PLEIADESNEO' ? name === 'ONENOW' || name === 'ONESERIES' : name === 'ONENOWATTEMPTS' || name === 'ONENOWWEATHER') return undefined;
  return PRODUCT_TYPES.find(
    (p) => p.provider === 'oneatlas' && p.source === 'tasking' && p.mission === mission && p.progType === progType && contract.productTypeIds.includes(p.productTypeId),
  );
}
