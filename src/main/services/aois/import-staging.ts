import { randomUUID } from 'node:crypto';
import type { Aoi, RepairNote } from '../../../shared/domain/aoi';
import { DeskFailure } from '../../errors';

interface Staged {
  aois: Aoi[];
  repairs: RepairNote[];
  touchedAt: number;
}

/** Staged imports nobody committed (the window closed mid-upload) are dropped after this long. */
const STALE_MS = 10 * 60_000;

/**
 * Large imports arrive in chunks (so no single IPC message or main-thread task carries tens of
 * megabytes) and are stored all at once on commit: until then nothing is visible, and a refused
 * chunk discards the whole import. Undone imports are kept here too, so redo needs no re-upload.
 */
export function createImportStaging(now: () => number = Date.now) {
  const staged = new Map<string, Staged>();
  const trash = new Map<string, Aoi[]>();
  const sweep = () => {
    for (const [id, s] of staged) if (now() - s.touchedAt > STALE_MS) staged.delete(id);
  };
  const must = (importId: string): Staged => {
    const found = staged.get(importId);
    if (!found) throw new DeskFailure('NOT_FOUND', 'This import is no longer pending; import the file again.');
    return found;
  };
  return {
    add(importId: string | undefined, offset: number, aois: Aoi[], repairs: RepairNote[]): { importId: string; staged: number } {
      sweep();
      const id = importId ?? randomUUID();
      const entry = importId ? must(importId) : { aois: [], repairs: [], touchedAt: now() };
      if (offset !== entry.aois.length) {
        staged.delete(id);
        throw new DeskFailure('IMPORT_OUT_OF_ORDER', `Chunk at ${offset} arrived after ${entry.aois.length} AOIs; nothing was imported.`);
      }
      entry.aois.push(...aois);
      entry.repairs.push(...repairs);
      entry.touchedAt = now();
      staged.set(id, entry);
      return { importId: id, staged: entry.aois.length };
    },
    take(importId: string): Staged {
      const entry = must(importId);
      staged.delete(importId);
      return entry;
    },
    discard: (importId: string): boolean => staged.delete(importId),
    /** Keeps removed AOIs for a redo; only the last few batches (each can be tens of megabytes). */
    keep(aois: Aoi[]): string {
      const id = randomUUID();
      trash.set(id, aois);
      while (trash.size > 3) trash.delete(trash.keys().next().value as string);
      return id;
    },
    takeKept(trashId: string): Aoi[] {
      const aois = trash.get(trashId);
      if (!aois) throw new DeskFailure('NOT_FOUND', 'Those AOIs can no longer be brought back.');
      trash.delete(trashId);
      return aois;
    },
  };
}
