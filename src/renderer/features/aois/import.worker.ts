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

/**
 * The file's bytes, read in chunks so the dialog can show progress, into one buffer decoded once at the
 * end: one pass over 50 MB, where decoding every chunk and joining the pieces built the text twice.
 */
async function readAll(file: File): Promise<Uint8Array> {
  const reader = file.stream().getReader();
  let bytes = new Uint8Array(file.size);
  let loaded = 0;
  let lastReport = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (loaded + value.byteLength > bytes.length) {
      // The file grew while being read: keep everything, as a single read would have.
      const grown = new Uint8Array(Math.max(2 * bytes.length, loaded + value.byteLength));
      grown.set(bytes.subarray(0, loaded));
      bytes = grown;
    }
    bytes.set(value, loaded);
    loaded += value.byteLength;
    if (loaded - lastReport > 1_000_000) {
      lastReport = loaded;
      post({ kind: 'progress', phase: 'reading', loaded, total: file.size });
    }
  }
  return bytes.subarray(0, loaded);
}

async function parse(file: File, maxVertices: number | undefined): Promise<void> {
  let bytes: Uint8Array | undefined = await readAll(file);
  // As before: invalid UTF-8 becomes U+FFFD and a byte-order mark is dropped.
  const text = new TextDecoder('utf-8').decode(bytes);
  // Let the bytes go before parsing, which needs the memory more.
  bytes = undefined;
  post({ kind: 'progress', phase: 'checking', loaded: file.size, total: file.size });
  const result = parseGeoJsonText(text, maxVertices === undefined ? {} : { maxVertices });
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
