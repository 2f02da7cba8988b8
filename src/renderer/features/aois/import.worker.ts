/// <reference lib="webworker" />
import { parseGeoJsonText, type ImportedAoi } from '../../../shared/geo/geojson-import';
import { itemsToStore, summarise, type ImportReport } from './importReport';

/**
 * Parses a GeoJSON file off the UI thread: reads it in chunks (reporting progress), then validates and
 * repairs with shared/geo. It answers a small report and keeps the AOIs; on confirmation it hands them
 * over in chunks, so the page never deserialises tens of megabytes in one task. The page cancels by
 * terminating the worker, so nothing here needs to poll.
 */
export type ImportMessage =
  | { kind: 'progress'; phase: 'reading' | 'checking'; loaded: number; total: number }
  | { kind: 'report'; report: ImportReport }
  | { kind: 'chunk'; items: { name: string; geometry: unknown }[]; last: boolean }
  | { kind: 'failed'; message: string };

export type ImportCommand =
  | { kind: 'parse'; file: File; maxVertices?: number }
  | { kind: 'collect'; simplify: Record<number, boolean>; chunkSize: number };

declare const self: DedicatedWorkerGlobalScope;
let parsed: ImportedAoi[] = [];

const post = (m: ImportMessage) => self.postMessage(m);

async function parse(file: File, maxVertices: number | undefined): Promise<void> {
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
  const result = parseGeoJsonText(parts.join(''), maxVertices === undefined ? {} : { maxVertices });
  parsed = result.ok ? result.aois : [];
  post({ kind: 'report', report: summarise(result) });
}

function collect(simplify: Record<number, boolean>, chunkSize: number): void {
  const items = itemsToStore(parsed, simplify);
  for (let i = 0; i < items.length; i += chunkSize) post({ kind: 'chunk', items: items.slice(i, i + chunkSize), last: i + chunkSize >= items.length });
  if (items.length === 0) post({ kind: 'chunk', items: [], last: true });
}

self.onmessage = async (event: MessageEvent<ImportCommand>) => {
  try {
    if (event.data.kind === 'parse') await parse(event.data.file, event.data.maxVertices);
    else collect(event.data.simplify, event.data.chunkSize);
  } catch (err) {
    // Not messageOf (api/errors): that would bundle zod into the worker (~90 kB), and nothing here
    // calls main, so there is no error code to keep; the page shows the message as it is.
    post({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
