import { useCallback, useRef, useState } from 'react';
import { messageOf } from '../../api/errors';
import type { ImportStage } from './ImportDialog';
import { ImportCancelled, importGeoJsonFile, type RunningImport } from './importFile';
import type { ImportReport } from './importReport';
import { discardImport, stageImport, type AoisState } from './useAois';

/**
 * An upload started as soon as the report is shown, with every simplification offer taken (the
 * report's defaults), so the file travels to main while the user reads: confirming then only reveals
 * it. A changed choice, or a failed upload, falls back to uploading again at confirmation.
 */
interface Prestaged {
  importId: Promise<string>;
}

/** Whether the file can be stored as the report stands (nothing over the vertex limit left unsimplified). */
const storableAsIs = (report: ImportReport): boolean =>
  report.ok && report.rest.unsimplifiable === 0 && report.detailed.every((a) => !a.simplification || a.simplification.ok);

/** Every detailed choice at its default (simplification offers taken). */
const defaultChoices = (simplify: Record<number, boolean>): boolean => Object.values(simplify).every((take) => take);

const MAX_FILE_BYTES = 512 * 1024 * 1024;

/** One import at a time, from the file picker or a drop on the map; the dialog shows its stage. */
export function useAoiImport(aois: AoisState, notify: (text: string) => void) {
  const [stage, setStage] = useState<ImportStage>();
  // The worker holding the parsed AOIs between the report and the user's answer.
  const running = useRef<RunningImport | undefined>(undefined);
  const prestaged = useRef<Prestaged | undefined>(undefined);

  /** Drops the background upload, if any: its rows are deleted once it has an id. */
  const dropPrestaged = useCallback(() => {
    const staged = prestaged.current;
    prestaged.current = undefined;
    staged?.importId.then(discardImport).catch(() => undefined);
  }, []);

  const start = useCallback((file: File) => {
    const fileName = file.name;
    if (file.size > MAX_FILE_BYTES) {
      setStage({ kind: 'failed', fileName, message: `${fileName} is larger than 512 MB; split it before importing.` });
      return;
    }
    running.current?.cancel();
    dropPrestaged();
    const current = importGeoJsonFile(file, (progress) => setStage((s) => (s?.kind === 'running' ? { ...s, progress } : s)));
    running.current = current;
    setStage({ kind: 'running', fileName, progress: { phase: 'reading', fraction: 0 }, cancel: current.cancel });
    current.report.then(
      (result) => {
        setStage({ kind: 'report', fileName, result });
        if (storableAsIs(result) && running.current === current) {
          const importId = stageImport((stage) => current.upload({}, stage));
          // A failed background upload is not shown here: confirming uploads again and says why.
          importId.catch(() => undefined);
          prestaged.current = { importId };
        }
      },
      (err: unknown) => {
        if (err instanceof ImportCancelled) {
          setStage(undefined);
          notify(err.message);
        } else setStage({ kind: 'failed', fileName, message: messageOf(err) });
      },
    );
  }, [notify, dropPrestaged]);

  const confirm = useCallback(
    async (simplify: Record<number, boolean>) => {
      const current = running.current;
      if (!current) throw new Error('The import was closed; import the file again.');
      const staged = prestaged.current;
      prestaged.current = undefined;
      // The background upload settles first: the worker hands out one upload's chunks at a time.
      const stagedId = staged ? await staged.importId.catch(() => undefined) : undefined;
      const reupload = () => aois.importMany((stage) => current.upload(simplify, stage));
      let result: Awaited<ReturnType<typeof reupload>>;
      if (stagedId && defaultChoices(simplify)) {
        // Kept too long (main drops staged imports after 10 minutes): upload again rather than fail.
        result = await aois.commitImport(stagedId).catch(reupload);
      } else {
        if (stagedId) void discardImport(stagedId).catch(() => undefined);
        result = await reupload();
      }
      current.cancel();
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
    dropPrestaged();
    setStage(undefined);
  }, [dropPrestaged]);

  return { stage, start, confirm, close };
}
