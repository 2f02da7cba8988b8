import { useCallback, useState } from 'react';
import type { DownloadPlace } from '../../../shared/domain/deliveries';
import { call } from '../../api/client';
import { errorOf, type ShownError } from '../../api/errors';
import { useChannel } from '../../api/useChannel';

/**
 * The download folder and what this host can do with files (pick a folder, reveal, open). Setting it
 * is main's to check (absolute, created, writable): its refusal is the sentence beside the field.
 */
export function useDownloadPlace() {
  const loaded = useChannel('deliveries.place', {});
  const [changed, setChanged] = useState<DownloadPlace | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [saving, setSaving] = useState(false);
  const place = changed ?? loaded.value ?? null;

  const apply = useCallback(async (work: () => Promise<DownloadPlace | null>) => {
    setSaving(true);
    setError(null);
    try {
      const next = await work();
      if (next) setChanged(next);
      return next !== null;
    } catch (err) {
      setError(errorOf(err));
      return false;
    } finally {
      setSaving(false);
    }
  }, []);

  const setFolder = useCallback((folder: string) => apply(() => call('deliveries.setFolder', { folder })), [apply]);
  /** The native picker; null (cancelled) leaves the folder as it was. */
  const pickFolder = useCallback(() => apply(async () => (await call('deliveries.pickFolder', {})).place), [apply]);

  return { place, loadError: loaded.error, error, saving, setFolder, pickFolder };
}
export type PlaceState = ReturnType<typeof useDownloadPlace>;
