import { extname } from 'node:path';

/**
 * File names for downloads: a provider's name made safe on every OS the app runs on, and a unique
 * variant (`name (1).tif`) when the folder or another download already uses it. Pure: the caller says
 * which names are taken.
 */

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const MAX_LENGTH = 180;
const FALLBACK = 'product';

/** A name with no folder part, no characters Windows or macOS refuse, and no trailing dot or space. */
export function sanitizeFileName(name: string, fallbackExtension = '.tif'): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  let clean = last.replace(/[<>:"|?*\u0000-\u001f\u007f]/g, '_').replace(/\s+/g, ' ').trim().replace(/[. ]+$/, '');
  if (clean.startsWith('.')) clean = `_${clean.slice(1)}`;
  const ext = extname(clean);
  const stem = ext ? clean.slice(0, -ext.length) : clean;
  let safeStem = RESERVED.test(stem) ? `${stem}_` : stem;
  if (!safeStem) safeStem = FALLBACK;
  const extension = ext || fallbackExtension;
  if (safeStem.length + extension.length > MAX_LENGTH) safeStem = safeStem.slice(0, MAX_LENGTH - extension.length);
  return `${safeStem}${extension}`;
}

/** The file extension a media type implies, for products whose links carry no file name. */
export function extensionFor(type: string | null): string {
  const t = (type ?? '').split(';')[0]?.trim().toLowerCase();
  if (t === 'image/jp2') return '.jp2';
  if (t === 'application/zip') return '.zip';
  if (t === 'image/png') return '.png';
  if (t === 'image/jpeg') return '.jpg';
  return '.tif';
}

/**
 * `name` when free, else `stem (1).ext`, `stem (2).ext`, … `taken` compares case-insensitively: on macOS
 * and Windows `A.tif` and `a.tif` are one file.
 */
export function uniqueFileName(name: string, isTaken: (candidate: string) => boolean): string {
  if (!isTaken(name)) return name;
  const ext = extname(name);
  const stem = ext ? name.slice(0, -ext.length) : name;
  for (let n = 1; n < 10_000; n++) {
    const candidate = `${stem} (${n})${ext}`;
    if (!isTaken(candidate)) return candidate;
  }
  return `${stem} (${Date.now()})${ext}`;
}
