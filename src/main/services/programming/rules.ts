import type { Polygon } from 'geojson';
import type { Aoi } from '../../../shared/domain/aoi';
import type { ProgrammingDraft } from '../../../shared/domain/programming';
import { aoiProblem, draftProblems, type ProgrammingProblem } from '../../../shared/domain/programming-rules';
import { DeskFailure } from '../../errors';
import type { ProgrammingRequest } from '../../providers';

/**
 * The shared programming rules (src/shared/domain/programming-rules.ts) applied before anything is
 * sent: the first refusal becomes a DeskFailure naming its draft field, and nothing is stored or sent.
 */

const refuse = (p: ProgrammingProblem | null | undefined): void => {
  if (p) throw new DeskFailure('INVALID_REQUEST', p.message, { field: p.field });
};

/** The provider-neutral request of a draft that passed every rule. */
export function checkedRequest(d: ProgrammingDraft, aoi: Aoi, now: number): ProgrammingRequest {
  refuse(draftProblems(d, now)[0]);
  const geometry = aoi.geometry as unknown as Polygon | { type: 'MultiPolygon'; coordinates: Polygon['coordinates'][] };
  refuse(aoiProblem(aoi.name, geometry));
  // A one-part MultiPolygon is that polygon: the rules refused every other shape.
  const polygon: Polygon = geometry.type === 'Polygon' ? geometry : { type: 'Polygon', coordinates: geometry.coordinates[0]! };
  const recurrence = d.recurrence && d.recurrence.every !== null && d.recurrence.unit !== null ? { every: d.recurrence.every, unit: d.recurrence.unit } : null;
  return { provider: d.provider, resolutionType: d.resolutionType, geometry: polygon, start: d.start, end: d.end, recurrence, maxCloud: d.maxCloud };
}
