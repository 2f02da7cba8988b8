import { randomUUID } from 'node:crypto';
import { mkdir, stat, unlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import type { DownloadPlace } from '../../../shared/domain/deliveries';
import { DeskFailure } from '../../errors';
import type { DeliveriesRepo } from '../../store/deliveries-repo';

/**
 * Where downloads go, and what this host can do with files. Electron brings a folder picker and the
 * OS file manager (HostFiles); browser mode brings none, and says where the files are instead.
 */

/** File capabilities of the host: Electron's dialog and shell. */
export interface HostFiles {
  /** The native folder picker, opened on `defaultPath`; null when the user cancels. */
  pickFolder(defaultPath: string): Promise<string | null>;
  /** Shows the file selected in the OS file manager. */
  reveal(path: string): void;
  /** Opens the file with the OS default application; resolves to an error message, or '' when it opened. */
  open(path: string): Promise<string>;
}

export const defaultDownloadFolder = (): string => join(homedir(), 'Downloads', 'Imagery Desk');

const refuse = (message: string) => new DeskFailure('INVALID_REQUEST', message, { field: 'folder' });

const fsWords = (err: unknown): string => {
  const code = (err as { code?: string }).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the disk is read-only';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'ENOTDIR') return 'part of the path is a file, not a folder';
  return code ?? (err instanceof Error ? err.message : String(err));
};

/**
 * mkdir -p, one level at a time: Node's recursive mkdir never settles for some refused paths (under
 * /proc, for one), and a folder the user typed must always get an answer.
 */
async function makeFolder(folder: string): Promise<void> {
  const parent = dirname(folder);
  if (parent !== folder && !(await stat(parent).catch(() => null))) await makeFolder(parent);
  await mkdir(folder).catch(async (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST' || !(await stat(folder)).isDirectory()) throw err;
  });
}

/** Makes the folder when missing and proves a file can be written in it; a refusal names the problem in one sentence. */
export async function ensureWritableFolder(folder: string): Promise<void> {
  if (!isAbsolute(folder)) throw refuse(`“${folder}” is not a full path; give the whole path of the folder, e.g. ${defaultDownloadFolder()}.`);
  const existing = await stat(folder).catch(() => null);
  if (existing && !existing.isDirectory()) throw refuse(`“${folder}” is a file, not a folder.`);
  if (!existing) {
    try {
      await makeFolder(folder);
    } catch (err) {
      throw refuse(`Imagery Desk could not create the folder “${folder}” (${fsWords(err)}).`);
    }
  }
  const probe = join(folder, `.imagery-desk-write-test-${randomUUID()}`);
  try {
    await writeFile(probe, '');
    await unlink(probe);
  } catch (err) {
    throw refuse(`Imagery Desk cannot write in “${folder}” (${fsWords(err)}); choose another folder.`);
  }
}

export function createFolderPlace(deps: { repo: DeliveriesRepo; files?: HostFiles; defaultFolder?: string }) {
  const folder = () => deps.repo.folder() ?? deps.defaultFolder ?? defaultDownloadFolder();
  const place = (): DownloadPlace => ({ folder: folder(), canPickFolder: !!deps.files, canReveal: !!deps.files, canOpen: !!deps.files });
  const setFolder = async (wanted: string): Promise<DownloadPlace> => {
    const clean = wanted.trim();
    await ensureWritableFolder(clean);
    deps.repo.setFolder(clean);
    return place();
  };
  return {
    folder,
    place,
    setFolder,
    async pickFolder(): Promise<{ place: DownloadPlace | null }> {
      if (!deps.files) throw new DeskFailure('UNSUPPORTED', `This browser session has no folder picker: downloads go to ${folder()}; type the full path of another folder to change it.`);
      const chosen = await deps.files.pickFolder(folder());
      return { place: chosen === null ? null : await setFolder(chosen) };
    },
  };
}
export type FolderPlace = ReturnType<typeof createFolderPlace>;
