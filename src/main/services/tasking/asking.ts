import { randomUUID } from 'node:crypto';
import { isAttemptProgType, type Attempt, type AttemptSet, type Feasibility, type TaskingQuery } from '../../../shared/domain/tasking';
import { aoiCoverage } from '../../../shared/geo/coverage';
import { DeskFailure } from '../../errors';
import type { ProviderAttempt, ProviderIssue, TaskingSearch } from '../../providers/tasking';
import type { TaskingRequestsRepo } from '../../store/tasking-requests-repo';
import { withTasking, type Offers, type TaskingDeps } from './access';
import { minimumAreaSentence } from '../../../shared/domain/tasking-rules';
import { checkMinimumArea, checkQuery, taskingPolygon } from './rules';

/**
 * Asking before ordering: feasibility (OnePlan/OneSeries, and a first look for the others) and attempts
 * (OneDay/OneNow). Every answer is stored with its raw reply, and an order later names the stored
 * answer it follows, so what is ordered is exactly what was shown.
 */

const DEG = Math.PI / 180;

/** cos(total) = cos(across) · cos(along) for a tilt made of an across- and an along-track part. */
export function alongTrackAngle(total: number | null, across: number | null): number | null {
  if (total === null || across === null) return null;
  const c = Math.cos(total * DEG) / Math.cos(across * DEG);
  if (!(c > 0) || c > 1 + 1e-9) return null;
  return Math.round((Math.acos(Math.min(1, c)) / DEG) * 100) / 100;
}

export function createAsking(deps: TaskingDeps & { offers: Offers; requests: TaskingRequestsRepo }) {
  const prepare = async (q: TaskingQuery) => {
    const now = deps.now();
    checkQuery(q, now.getTime());
    const aoi = deps.aoi(q.aoiId);
    const polygon = taskingPolygon(aoi);
    const { product, offers } = await deps.offers.find(q.accountId, q.contractId, q.productTypeId);
    const search: TaskingSearch = {
      contractId: q.contractId,
      mission: product.mission,
      progType: product.progType,
      aoi: polygon,
      start: q.start,
      end: q.end,
      acquisitionMode: q.acquisitionMode,
      maxCloudCover: q.maxCloudCover,
      maxIncidenceAngle: q.maxIncidenceAngle,
    };
    return { now, aoi, polygon, product, offers, search };
  };

  /** Provider reasons in words; ERR_MIN_AOI_AREA carries a bare number, so the sentence is built here. */
  const explain = (issues: ProviderIssue[], sentence: () => string): ProviderIssue[] =>
    issues.map((i) => (i.code === 'ERR_MIN_AOI_AREA' ? { code: i.code, message: sentence() } : i));

  return {
    async feasibility(q: TaskingQuery): Promise<Feasibility> {
      const p = await prepare(q);
      const { value, raw } = await withTasking(deps, q.accountId, (t, call) => t.feasibility(p.search, call));
      const f: Feasibility = {
        id: randomUUID(),
        accountId: q.accountId,
        contractId: q.contractId,
        productTypeId: q.productTypeId,
        mission: p.product.mission,
        progType: p.product.progType,
        ...value,
        errors: explain(value.errors, () => minimumAreaSentence(p.aoi.areaKm2, p.product, p.offers)),
        query: q,
        createdAt: p.now.toISOString(),
      };
      deps.requests.saveFeasibility(f, raw);
      return f;
    },

    async attempts(q: TaskingQuery): Promise<AttemptSet> {
      const p = await prepare(q);
      if (!isAttemptProgType(p.product.progType)) {
        throw new DeskFailure('INVALID_REQUEST', `${p.product.label} is ordered from a feasibility answer, not from attempts: ask for feasibility.`, { field: 'productTypeId' });
      }
      checkMinimumArea(p.aoi, p.product, p.offers);
      const { value, raw } = await withTasking(deps, q.accountId, (t, call) => t.attempts(p.search, call));
      const toAttempt = (a: ProviderAttempt): Attempt => ({
        id: randomUUID(),
        ...a,
        footprint: { type: 'Polygon', coordinates: a.footprint.coordinates.map((r) => r.map((pos) => [pos[0] ?? 0, pos[1] ?? 0] as [number, number])) },
        alongTrackAngle: alongTrackAngle(a.incidenceAngle, a.acrossTrackAngle),
        aoiCoverage: aoiCoverage(p.polygon, a.footprint),
      });
      const set: AttemptSet = {
        id: randomUUID(),
        accountId: q.accountId,
        productTypeId: q.productTypeId,
        progType: p.product.progType,
        available: value.available,
        errors: explain(value.errors, () => minimumAreaSentence(p.aoi.areaKm2, p.product, p.offers)),
        attempts: value.attempts.map(toAttempt),
        query: q,
        createdAt: p.now.toISOString(),
      };
      deps.requests.saveAttemptSet(set, q.contractId, raw);
      return set;
    },
  };
}
export type Asking = ReturnType<typeof createAsking>;
