import { describe, expect, it } from 'vitest';
import { BOX_SLOTS, packIntoGroups, type Placed } from './scene-boxes';
import { decodeFootprint, decodeFootprints, encodeFootprint } from './scene-footprint';
import { isoDate } from './scene-rows';

describe('isoDate', () => {
  it('writes what toISOString writes, for every kind of instant', () => {
    const instants = [0, 1, 999, 951_782_400_000, 1_709_251_200_000, 253_402_300_799_999, -1, -62_167_219_200_000, 253_402_300_800_000, 8.64e15, 1.5];
    let seed = 3;
    for (let i = 0; i < 20_000; i++) instants.push(Math.floor(((seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647) * 253_402_300_800_000));
    for (const ms of instants) expect(isoDate(ms)).toBe(new Date(ms).toISOString());
  });
});

describe('footprint blobs', () => {
  const polygon = (rings: [number, number][][]) => ({ type: 'Polygon' as const, coordinates: rings });

  it('reads back several footprints stored one after another', () => {
    const a = polygon([[[1, 2], [3, 4], [5, 6], [1, 2]]]);
    const b = polygon([]);
    const c = polygon([[[0.1, 0.2], [0.3, 0.4], [0.1, 0.2]], [[7, 8]]]);
    const bytes = Buffer.concat([encodeFootprint(a), encodeFootprint(b), encodeFootprint(c)]);
    expect(decodeFootprints(bytes, 3)).toEqual([a, b, c]);
  });

  it('refuses bytes that are not exactly the footprints asked for', () => {
    const one = encodeFootprint(polygon([[[1, 2], [3, 4], [1, 2]]]));
    expect(() => decodeFootprint(one.subarray(0, one.length - 8))).toThrow(/damaged \(ring length\)/);
    expect(() => decodeFootprint(Buffer.concat([one, Buffer.alloc(8)]))).toThrow(/damaged \(trailing numbers\)/);
    expect(() => decodeFootprint(one.subarray(0, 5))).toThrow(/damaged \(not whole float64 numbers\)/);
    expect(() => decodeFootprints(one, 2)).toThrow(/damaged \(ring count\)/);
  });

  it('reads a blob that does not start on an 8-byte boundary', () => {
    const footprint = polygon([[[10.5, -3.25], [11, -3], [10.5, -3.25]]]);
    const shifted = Buffer.alloc(encodeFootprint(footprint).length + 1).subarray(1);
    encodeFootprint(footprint).copy(shifted);
    expect(shifted.byteOffset % 8).not.toBe(0);
    expect(decodeFootprint(shifted)).toEqual(footprint);
  });
});

describe('packIntoGroups', () => {
  const at = (lon: number, lat: number, day: number): Placed => ({ min_lon: lon, max_lon: lon + 0.1, min_lat: lat, max_lat: lat + 0.1, acquired_at: day * 86_400_000 });

  it('fills boxes of at most 16, all full but one, keeping every scene once', () => {
    const scenes = Array.from({ length: 500 }, (_, i) => at(i % 7, i % 5, i * 3));
    const groups = packIntoGroups(scenes);
    expect(groups.flat()).toHaveLength(500);
    expect(new Set(groups.flat()).size).toBe(500);
    expect(groups.every((g) => g.length <= BOX_SLOTS)).toBe(true);
    expect(groups.filter((g) => g.length < BOX_SLOTS)).toHaveLength(1);
  });

  it('groups scenes that are close in place and time', () => {
    const near = Array.from({ length: 16 }, (_, i) => at(2 + i * 0.01, 48, 100 + i));
    const far = Array.from({ length: 16 }, (_, i) => at(120 + i * 0.01, -30, 1000 + i));
    const groups = packIntoGroups([...far, ...near].sort((a, b) => a.min_lat - b.min_lat || a.acquired_at % 7 - b.acquired_at % 7));
    expect(groups.map((g) => new Set(g.map((p) => p.min_lat)).size)).toEqual([1, 1]);
  });
});
