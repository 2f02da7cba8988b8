/// <reference lib="webworker" />
import { parseGeoJsonText } from '../../../shared/geo/geojson-import';

/**
 * Parses a GeoJSON file off the UI thread: reads it in chunks (reporting progress), then validates and
 * repairs with shared/geo. The page cancels by terminating the worker, so nothing here needs to poll.
 */
export type ImportMessage =
  | { kind: 'progress'; phase: 'reading' | 'checking'; loaded: number; total: number }
  | { kind: 'done'; result: ReturnType<typeof parseGeoJsonText> }
  | { kind: 'failed'; message: string };

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<{ file: File; maxVertices?: number }>) => {
  const { file, maxVertices } = event.data;
  const post = (m: ImportMessage) => self.postMessage(m);
  try {
    const reader = file.stream().getReader();
    const decoder = new TextDecoder('utf-8');
    const parts: string[] = [];
    let loaded = 0;
    let lastReport = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      loaded += value.byteLength;
      parts.push(decoder.decode(value, { stream: true }));
      if (loaded - lastReport > 1_000_000) {
        lastReport = loaded;
        post({ kind: 'progress', phase: 'reading', loaded, total: file.size });
      }
    }
    parts.push(decoder.decode());
    post({ kind: 'progress', phase: 'checking', loaded: file.size, total: file.size });
    const options = maxVertices === undefined ? {} : { maxVertices };
    post({ kind: 'done', result: parseGeoJsonText(parts.join(''), options) });
  } catch (err) {
    post({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
