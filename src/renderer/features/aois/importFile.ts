import type { ImportReport } from './importReport';
import type { ImportCommand, ImportMessage } from './import.worker';

export interface ImportProgress {
  phase: 'reading' | 'checking';
  fraction: number;
}

export interface RunningImport {
  report: Promise<ImportReport>;
  /**
   * Hands the AOIs to store (with the user's choices) to `stage` chunk by chunk, each chunk its own
   * small task on this thread; resolves once the last one was staged.
   */
  upload(simplify: Record<number, boolean>, stage: (items: { name: string; geometry: unknown }[], offset: number) => Promise<void>): Promise<void>;
  /** Stops the worker (and frees what it holds): cancel while running, close after the report, or once stored. */
  cancel(): void;
}

export class ImportCancelled extends Error {
  constructor() {
    super('Import cancelled; nothing was changed.');
  }
}

// Each chunk is one task on the page (received from the worker, sent to main): 250 AOIs keep it short.
const CHUNK = 250;

/** Parses a GeoJSON file in a worker so a 50 MB file never blocks the map or the panel. */
export function importGeoJsonFile(file: File, onProgress: (p: ImportProgress) => void, maxVertices = 999): RunningImport {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  const send = (command: ImportCommand) => worker.postMessage(command);
  let rejectAll: (err: Error) => void = () => undefined;
  let onChunk: ((m: Extract<ImportMessage, { kind: 'chunk' }>) => void) | undefined;

  const report = new Promise<ImportReport>((resolve, reject) => {
    rejectAll = reject;
    worker.onmessage = (event: MessageEvent<ImportMessage>) => {
      const m = event.data;
      if (m.kind === 'progress') onProgress({ phase: m.phase, fraction: m.total ? m.loaded / m.total : 1 });
      else if (m.kind === 'report') resolve(m.report);
      else if (m.kind === 'chunk') onChunk?.(m);
      else {
        worker.terminate();
        reject(new Error(`The file could not be read: ${m.message}`));
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`The import stopped: ${event.message}`));
    };
  });
  send({ kind: 'parse', file, maxVertices });

  return {
    report,
    upload: (simplify, stage) =>
      new Promise((resolve, reject) => {
        rejectAll = reject;
        // Chunks arrive faster than they are stored: chain them so they are staged in order, once each.
        let chain = Promise.resolve();
        let offset = 0;
        onChunk = (m) => {
          const at = offset;
          offset += m.items.length;
          chain = chain.then(() => (m.items.length > 0 ? stage(m.items, at) : undefined));
          if (!m.last) return;
          // The worker stays: an upload may be repeated (another choice, a retry) until `cancel`.
          chain.then(resolve, (err: unknown) => reject(err instanceof Error ? err : new Error(String(err))));
        };
        send({ kind: 'collect', simplify, chunkSize: CHUNK });
      }),
    cancel: () => {
      worker.terminate();
      rejectAll(new ImportCancelled());
    },
  };
}
