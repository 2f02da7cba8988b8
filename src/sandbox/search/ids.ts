/**
 * Deterministic randomness and provider-style identifiers. Catalogue ids carry the key of the scene
 * they name (satellite, revolution, slot) behind a seed-keyed permutation, so any module can turn an
 * id back into its scene without a database, across restarts, and ids still look random.
 */

/** 32-bit hash of a list of integers (murmur3-style mixing). */
export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    let k = Math.imul(p | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
    // fold in the high part of big numbers (times, revolutions) too
    h ^= Math.floor(p / 4294967296) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Uniform [0, 1) from a list of integers. */
export const rand01 = (...parts: number[]): number => hash32(...parts) / 4294967296;

const hex = (n: number, width: number): string => (n >>> 0).toString(16).padStart(8, '0').slice(8 - width);

// Feistel network on 32 bits (two 16-bit halves): invertible, keyed by the seed.
const ROUNDS = 4;
const roundKey = (seed: number, round: number) => hash32(seed, 0x51d, round) & 0xffff;

function feistel(x: number, seed: number, decode: boolean): number {
  let l = (x >>> 16) & 0xffff;
  let r = x & 0xffff;
  for (let i = 0; i < ROUNDS; i++) {
    const k = roundKey(seed, decode ? ROUNDS - 1 - i : i);
    if (!decode) [l, r] = [r, l ^ (hash32(r, k) & 0xffff)];
    else [l, r] = [r ^ (hash32(l, k) & 0xffff), l];
  }
  return ((l << 16) | r) >>> 0;
}

export interface SceneKey {
  sat: number;
  rev: number;
  slot: number;
}

const packKey = ({ sat, rev, slot }: SceneKey) => ((sat << 29) | (rev << 9) | slot) >>> 0;

/** A UUID v4-shaped id whose first 32 bits encode the scene key (see decodeCatalogueId). */
export function catalogueId(seed: number, key: SceneKey, salt = 0): string {
  const head = feistel(packKey(key), seed + salt, false);
  const a = hash32(seed, key.sat, key.rev, key.slot, 11 + salt);
  const b = hash32(seed, key.sat, key.rev, key.slot, 12 + salt);
  const c = hash32(seed, key.sat, key.rev, key.slot, 13 + salt);
  return `${hex(head, 8)}-${hex(a, 4)}-4${hex(a >>> 16, 3)}-${'89ab'[b & 3]}${hex(b >>> 8, 3)}-${hex(c, 8)}${hex(b >>> 20, 4)}`;
}

/** The scene key hidden in a catalogue id, or undefined when it is not one of ours. */
export function decodeCatalogueId(seed: number, id: string, salt = 0): SceneKey | undefined {
  const m = /^([0-9a-f]{8})-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.exec(id);
  if (!m) return undefined;
  const x = feistel(parseInt(m[1] as string, 16), seed + salt, true);
  return { sat: x >>> 29, rev: (x >>> 9) & 0xfffff, slot: x & 0x1ff };
}

/** A plain deterministic UUID v4 shape (workspace items, correlation ids). */
export function uuidFrom(...parts: number[]): string {
  const h = (k: number) => hash32(...parts, k);
  const a = h(1);
  const b = h(2);
  return `${hex(h(0), 8)}-${hex(a, 4)}-4${hex(a >>> 16, 3)}-${'89ab'[b & 3]}${hex(b >>> 8, 3)}-${hex(h(3), 8)}${hex(b >>> 20, 4)}`;
}

/** yyyyMMddHHmmssS (tenths of a second), the timestamp inside datastrip ids. */
export function datastripStamp(timeMs: number): string {
  const d = new Date(timeMs);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}${Math.floor(d.getUTCMilliseconds() / 100)}`;
}

export function parseDatastripStamp(s: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d)$/.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, se, t] = m.map(Number) as number[];
  return Date.UTC(y as number, (mo as number) - 1, d, h, mi, se, (t as number) * 100);
}

/** E001N43-style tile of a point, as in the providers' datastrip names. */
export function tileCode([lon, lat]: [number, number]): string {
  const ew = lon < 0 ? 'W' : 'E';
  const ns = lat < 0 ? 'S' : 'N';
  return `${ew}${String(Math.trunc(Math.abs(lon))).padStart(3, '0')}${ns}${String(Math.trunc(Math.abs(lat))).padStart(2, '0')}`;
}
