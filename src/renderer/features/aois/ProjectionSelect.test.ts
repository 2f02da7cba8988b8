import { describe, expect, it, vi } from 'vitest';
import type { ProjectionInfo } from '../../../shared/domain/projection';

// The client binds to window.desk on import; these tests only need the pure helpers.
vi.mock('../../api/client', () => ({ call: vi.fn() }));
const { areaWarning, loadUserCodes, optionLabel, parseEpsgCode } = await import('./ProjectionSelect');

const LAMBERT_93: ProjectionInfo = {
  code: 2154,
  name: 'RGF93 v1 / Lambert-93',
  proj4: '+proj=lcc +lat_1=49 +lat_2=44 +lat_0=46.5 +lon_0=3 +x_0=700000 +y_0=6600000 +ellps=GRS80 +units=m +no_defs',
  bbox: [-9.86, 41.15, 10.38, 51.56],
  areaOfUse: 'France - onshore and offshore, mainland and Corsica (France métropolitaine including Corsica).',
  units: 'metre',
  unavailable: null,
};

describe('ProjectionSelect helpers', () => {
  it('labels options with the code and the name, and marks codes without a definition', () => {
    expect(optionLabel(2154, LAMBERT_93)).toBe('EPSG:2154 — RGF93 v1 / Lambert-93');
    expect(optionLabel(9999, { ...LAMBERT_93, code: 9999, name: 'EPSG:9999', unavailable: 'none' })).toBe('EPSG:9999 (no definition)');
    expect(optionLabel(2154, undefined)).toBe('EPSG:2154 — looking up…');
  });

  it('warns when the AOI lies outside or beyond the area of use', () => {
    expect(areaWarning(LAMBERT_93, [2.2, 48.8, 2.5, 48.9])).toBeNull();
    expect(areaWarning(LAMBERT_93, [139, 35, 140, 36])).toBe(
      'The AOI lies outside the area of use of EPSG:2154 (France - onshore and offshore, mainland and Corsica (France métropolitaine including Corsica)); shapes and distances there are distorted.',
    );
    expect(areaWarning(LAMBERT_93, [9, 45, 12, 46])).toMatch(/^The AOI extends beyond the area of use of EPSG:2154/);
    expect(areaWarning(LAMBERT_93, undefined)).toBeNull();
  });

  it('reads typed EPSG codes', () => {
    expect(parseEpsgCode('2154')).toBe(2154);
    expect(parseEpsgCode(' EPSG:32631 ')).toBe(32631);
    expect(parseEpsgCode('epsg 27700')).toBe(27700);
    expect(parseEpsgCode('0')).toBeNull();
    expect(parseEpsgCode('21.54')).toBeNull();
    expect(parseEpsgCode('1234567')).toBeNull();
  });

  it('ignores stored user codes that are not codes', () => {
    const storage = { getItem: () => JSON.stringify([2154, 'x', -1, 1.5, 32631]) };
    expect(loadUserCodes(storage)).toEqual([2154, 32631]);
    expect(loadUserCodes({ getItem: () => '{bad json' })).toEqual([]);
  });
});
