import type { FeatureHandlers } from '../../../shared/ipc/contract';
import type { AoisService } from './service';

export function aoisHandlers(aois: AoisService): FeatureHandlers<'aois'> {
  return {
    'aois.list': () => aois.list(),
    'aois.page': (q) => aois.page(q),
    'aois.inView': (q) => aois.inView(q),
    'aois.exportPage': ({ offset, limit }) => aois.exportPage(offset, limit),
    'aois.get': ({ id }) => aois.get(id),
    'aois.create': ({ name, geometry }) => aois.create(name, geometry),
    'aois.update': ({ id, name, geometry }) => aois.update(id, { name, geometry }),
    'aois.duplicate': ({ id }) => aois.duplicate(id),
    'aois.remove': ({ id }) => aois.remove(id),
    'aois.restore': ({ aoi }) => aois.restore(aoi),
    'aois.import': ({ aois: items }) => aois.importMany(items),
    'aois.importStage': ({ importId, offset, aois: items }) => aois.stageImport(importId, offset, items),
    'aois.importCommit': ({ importId }) => aois.commitImport(importId),
    'aois.importDiscard': ({ importId }) => ({ discarded: aois.discardImport(importId) }),
    'aois.removeMany': ({ ids }) => aois.removeMany(ids),
    'aois.restoreMany': ({ trashId }) => aois.restoreMany(trashId),
  };
}
