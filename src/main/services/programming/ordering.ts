import { randomUUID } from 'node:crypto';
import type { ProgrammingDraft, ProgrammingOrder } from '../../../shared/domain/programming';
import { withProgramming, type ProgrammingDeps } from './access';
import { checkedRequest } from './rules';
import type { ProgrammingSubmit } from './submit';

/** Create one programming order: every rule first, then the body stored, then one POST. */
export function createOrdering(deps: ProgrammingDeps & { submit: ProgrammingSubmit }) {
  return {
    async create(d: ProgrammingDraft): Promise<ProgrammingOrder> {
      const now = deps.now();
      const aoi = deps.aoi(d.aoiId);
      const req = checkedRequest(d, aoi, now.getTime());
      return withProgramming(deps, d.accountId, async (client, call) => {
        const sent = client.bodyOf(req);
        const at = now.toISOString();
        const row = {
          id: randomUUID(),
          accountId: d.accountId,
          provider: req.provider,
          resolutionType: req.resolutionType,
          window: { start: new Date(Date.parse(req.start)).toISOString(), end: new Date(Date.parse(req.end)).toISOString() },
          recurrence: req.recurrence,
          maxCloud: req.maxCloud,
          aoi: { id: aoi.id, name: aoi.name, areaKm2: aoi.areaKm2, geometry: req.geometry as ProgrammingOrder['aoi']['geometry'] },
          sent,
          createdAt: at,
          updatedAt: at,
        };
        return deps.submit(row, () => client.create(sent, call));
      });
    },
  };
}
export type Ordering = ReturnType<typeof createOrdering>;
