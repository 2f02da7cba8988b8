import { useCallback, useMemo, useState } from 'react';
import type { Comparison, ComparisonOffer } from '../../../shared/domain/comparison';
import { call } from '../../api/client';
import { errorOf, type ShownError } from '../../api/errors';
import { useChannel } from '../../api/useChannel';

/** Where the archive offers come from: scenes of one stored search, found over one AOI. */
export interface ArchivePick {
  searchId: string;
  aoiId: string;
  sceneIds: string[];
}

/**
 * The comparison of one AOI: the stored table at once (`comparison.latest`, offline too), the offers
 * that can be compared, and a run over the ticked ones. Main stores each run whole as the AOI's latest,
 * so "price again" runs the table's offers again rather than patching single rows.
 */
export function useComparison(aoiId: string | null, pick: ArchivePick | null) {
  const latest = useChannel('comparison.latest', aoiId ? { aoiId } : null);
  const candidates = useChannel('comparison.candidates', aoiId ? { aoiId, searchId: pick?.searchId ?? null, sceneIds: pick?.sceneIds ?? [] } : null);
  // The table answered by a run in this visit, kept with its AOI so another AOI never shows it.
  const [ran, setRan] = useState<Comparison | null>(null);
  const [running, setRunning] = useState<{ count: number } | null>(null);
  const [error, setError] = useState<ShownError | null>(null);

  const stored = latest.value ?? null;
  const comparison = ran && ran.aoiId === aoiId ? ran : stored;

  const run = useCallback(
    async (offers: ComparisonOffer[]): Promise<Comparison | null> => {
      if (!aoiId || offers.length === 0) return null;
      setRunning({ count: offers.length });
      setError(null);
      try {
        const fresh = await call('comparison.run', { aoiId, offers });
        setRan(fresh);
        return fresh;
      } catch (err) {
        setError(errorOf(err));
        return null;
      } finally {
        setRunning(null);
      }
    },
    [aoiId],
  );

  return useMemo(
    () => ({ latest, candidates, comparison, fromStore: comparison !== null && comparison === stored && ran?.aoiId !== aoiId, running, error, run }),
    [latest, candidates, comparison, stored, ran, aoiId, running, error, run],
  );
}
export type ComparisonState = ReturnType<typeof useComparison>;
