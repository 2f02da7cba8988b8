import type { FeatureHandlers } from '../../../shared/ipc/contract';
import type { ComparisonService } from './service';

/** The comparison channels, each one line onto its service. */
export function comparisonHandlers(s: ComparisonService): FeatureHandlers<'comparison'> {
  return {
    'comparison.candidates': ({ aoiId, searchId, sceneIds }) => s.candidates(aoiId, searchId, sceneIds),
    'comparison.run': ({ aoiId, offers }) => s.run(aoiId, offers),
    'comparison.latest': ({ aoiId }) => s.latest(aoiId),
  };
}
