import { randomUUID } from 'node:crypto';
import type { RepairNote } from '../../../shared/domain/aoi';
import { DeskFailure } from '../../errors';

interface Pending {
  staged: number;
  repairs: RepairNote[];
  touchedAt: number;
}

/** Staged imports nobody committed (the window closed mid-upload) are dropped after this long. */
const STALE_MS = 10 * 60_000;
/** Undone imports kept for a redo; older ones are deleted for good. */
const KEPT_BATCHES = 3;

export const importBatch = (importId: string): string => `import:${importId}`;
export const trashBatch = (trashId: string): string => `trash:${trashId}`;

/**
 * The bookkeeping of large imports; the AOIs themselves are written to the store as each chunk arrives,
 * hidden under the import's batch (so no single IPC message or main-thread task carries tens of
 * megabytes, and the commit only has to show them). A refused chunk discards the whole import. Undone
 * imports stay hidden in the store too, so a redo needs no re-upload. `drop` deletes a batch's rows.
 */
export function createImportStaging(drop: (batch: string) => void, now: () => number = Date.now) {
  const pending = new Map<string, Pending>();
  const kept: string[] = [];
  const discard = (importId: string): boolean => {
    const had = pending.delete(importId);
    if (had) drop(importBatch(importId));
    return had;
  };
  const sweep = () => {
    for (const [id, p] of pending) if (now() - p.touchedAt > STALE_MS) discard(id);
  };
  const must = (importId: string): Pending => {
    const found = pending.get(importId);
    if (!found) throw new DeskFailure('NOT_FOUND', 'This import is no longer pending; import the file again.');
    return found;
  };
  return {
    /**
     * Checks a chunk's place and reserves it: `store` writes its rows under the batch; a chunk out of
     * order, or a `store` that throws, discards the whole import.
     */
    add(importId: string | undefined, offset: number, count: number, repairs: RepairNote[], store: (batch: string) => void): { importId: string; staged: number } {
      sweep();
      const id = importId ?? randomUUID();
      const entry = importId ? must(importId) : { staged: 0, repairs: [], touchedAt: now() };
      pending.set(id, entry);
      if (offset !== entry.staged) {
        discard(id);
        throw new DeskFailure('IMPORT_OUT_OF_ORDER', `Chunk at ${offset} arrived after ${entry.staged} AOIs; nothing was imported.`);
      }
      try {
        store(importBatch(id));
      } catch (err) {
        discard(id);
        throw err;
      }
      entry.staged += count;
      entry.repairs.push(...repairs);
      entry.touchedAt = now();
      return { importId: id, staged: entry.staged };
    },
    /** Ends a pending import (its batch is then the caller's to show); answers its repairs. */
    take(importId: string): { batch: string; repairs: RepairNote[] } {
      const entry = must(importId);
      pending.delete(importId);
      return { batch: importBatch(importId), repairs: entry.repairs };
    },
    discard,
    /** A new batch for AOIs removed together (undoing an import); only the last few are kept. */
    keep(): { trashId: string; batch: string } {
      const trashId = randomUUID();
      kept.push(trashId);
      while (kept.length > KEPT_BATCHES) drop(trashBatch(kept.shift() as string));
      return { trashId, batch: trashBatch(trashId) };
    },
    takeKept(trashId: string): string {
      const at = kept.indexOf(trashId);
      if (at < 0) throw new DeskFailure('NOT_FOUND', 'Those AOIs can no longer be brought back.');
      kept.splice(at, 1);
      return trashBatch(trashId);
    },
  };
}
