import type { FeatureHandlers } from '../../../shared/ipc/contract';
import type { BasemapsService } from './service';

export function basemapsHandlers(basemaps: BasemapsService): FeatureHandlers<'basemaps'> {
  return {
    'basemaps.list': () => basemaps.list(),
    'basemaps.add': (request) => basemaps.add(request),
    'basemaps.remove': ({ id }) => basemaps.remove(id),
    'basemaps.tile': (request) => basemaps.tile(request),
  };
}
