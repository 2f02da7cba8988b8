import { useCallback, useRef, useState } from 'react';
import { messageOf } from '../../api/errors';
import type { ImportStage } from './ImportDialog';
import { ImportCancelled, importGeoJsonFile, type RunningImport } from './importFile';
import type { AoisState } from './useAois';

const MAX_FILE_BYTES = 512 * 1024 * 1024;

/** One import at a time, from the file picker or a drop on the map; the dialog shows its stage. */
export function useAoiImport(aois: AoisState, notify: (text: string) => void) {
  const [stage, setStage] = useState<ImportStage>();
  // The worker holding the parsed AOIs between the report and the user's answer.
  const running = useRef<RunningImport | undefined>(undefined);

  const start = useCallback((file: File) => {
    const fileName = file.name;
    if (file.size > MAX_FILE_BYTES) {
      setStage({ kind: 'failed', fileName, message: `${fileName} is larger than 512 MB; split it before importing.` });
      return;
    }
    running.current?.cancel();
    const current = importGeoJsonFile(file, (progress) => setStage((s) => (s?.kind === 'running' ? { ...s, progress } : s)));
    running.current = current;
    setStage({ kind: 'running', fileName, progress: { phase: 'reading', fraction: 0 }, cancel: current.cancel });
    current.report.then(
      (result) => setStage({ kind: 'report', fileName, result }),
      (err: unknown) => {
        if (err instanceof ImportCancelled) {
          setStage(undefined);
          notify(err.message);
        } else setStage({ kind: 'failed', fileName, message: messageOf(err) });
      },
    );
  }, [notify]);

  const confirm = useCallback(
    async (simplify: Record<number, boolean>) => {
      const current = running.current;
      if (!current) throw new Error('The import was closed; import the file again.');
      const result = await aois.importMany((stage) => current.upload(simplify, stage));
      running.current = undefined;
      setStage(undefined);
      const repaired = result.repairs.length;
      notify(`Imported ${result.count} AOI${result.count === 1 ? '' : 's'}${repaired ? ` with ${repaired} repair${repaired === 1 ? '' : 's'}` : ''}.`);
    },
    [aois, notify],
  );

  const close = useCallback(() => {
    running.current?.cancel();
    running.current = undefined;
    setStage(undefined);
  }, []);

  return { stage, start, confirm, close };
}
