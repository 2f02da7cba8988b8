import type { GeoJsonImport } from '../../../shared/geo/geojson-import';
import type { ImportMessage } from './import.worker';

export interface ImportProgress {
  phase: 'reading' | 'checking';
  fraction: number;
}

export interface RunningImport {
  result: Promise<GeoJsonImport>;
  cancel(): void;
}

export class ImportCancelled extends Error {
  constructor() {
    super('Import cancelled; nothing was changed.');
  }
}

/** Parses a GeoJSON file in a worker so a 50 MB file never blocks the map or the panel. */
export function importGeoJsonFile(file: File, onProgress: (p: ImportProgress) => void, maxVertices = 999): RunningImport {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  let settle: { reject(err: Error): void } | undefined;
  const result = new Promise<GeoJsonImport>((resolve, reject) => {
    settle = { reject };
    worker.onmessage = (event: MessageEvent<ImportMessage>) => {
      const m = event.data;
      if (m.kind === 'progress') onProgress({ phase: m.phase, fraction: m.total ? m.loaded / m.total : 1 });
      else {
        worker.terminate();
        if (m.kind === 'done') resolve(m.result);
        else reject(new Error(`The file could not be read: ${m.message}`));
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`The import stopped: ${event.message}`));
    };
  });
  worker.postMessage({ file, maxVertices });
  return {
    result,
    cancel: () => {
      worker.terminate();
      settle?.reject(new ImportCancelled());
    },
  };
}
