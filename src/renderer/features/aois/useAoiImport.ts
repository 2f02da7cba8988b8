import { useCallback, useState } from 'react';
import type { ImportStage } from './ImportDialog';
import { ImportCancelled, importGeoJsonFile } from './importFile';
import type { AoisState } from './useAois';

const MAX_FILE_BYTES = 512 * 1024 * 1024;

/** One import at a time, from the file picker or a drop on the map; the dialog shows its stage. */
export function useAoiImport(aois: AoisState, notify: (text: string) => void) {
  const [stage, setStage] = useState<ImportStage>();

  const start = useCallback((file: File) => {
    const fileName = file.name;
    if (file.size > MAX_FILE_BYTES) {
      setStage({ kind: 'failed', fileName, message: `${fileName} is larger than 512 MB; split it before importing.` });
      return;
    }
    const running = importGeoJsonFile(file, (progress) => setStage((s) => (s?.kind === 'running' ? { ...s, progress } : s)));
    setStage({ kind: 'running', fileName, progress: { phase: 'reading', fraction: 0 }, cancel: running.cancel });
    running.result.then(
      (result) => setStage({ kind: 'report', fileName, result }),
      (err: unknown) => {
        if (err instanceof ImportCancelled) {
          setStage(undefined);
          notify(err.message);
        } else setStage({ kind: 'failed', fileName, message: err instanceof Error ? err.message : String(err) });
      },
    );
  }, [notify]);

  const confirm = useCallback(
    async (items: { name: string; geometry: unknown }[]) => {
      const result = await aois.importMany(items);
      setStage(undefined);
      const repaired = result.repairs.length;
      notify(`Imported ${result.aois.length} AOI${result.aois.length === 1 ? '' : 's'}${repaired ? ` with ${repaired} repair${repaired === 1 ? '' : 's'}` : ''}.`);
    },
    [aois, notify],
  );

  return { stage, start, confirm, close: useCallback(() => setStage(undefined), []) };
}
