import { describe, expect, it } from 'vitest';
import type { Aoi } from '../../../shared/domain/aoi';
import { visibleAois } from './visibleAois';

const aoi = (i: number): Aoi => ({
  id: `id-${i}`,
  name: `Site ${i}`,
  geometry: { type: 'Polygon', coordinates: [] },
  areaKm2: 1,
  vertexCount: 5,
  createdAt: '',
  updatedAt: '',
});

describe('visibleAois', () => {
  const many = Array.from({ length: 1000 }, (_, i) => aoi(i));
  it('lists short lists whole and in order', () => {
    expect(visibleAois(many.slice(0, 5), '', 'id-3')).toEqual({ items: many.slice(0, 5), hidden: 0 });
  });
  it('caps long lists at 200, keeping the active AOI among them', () => {
    const shown = visibleAois(many, '', 'id-900');
    expect(shown.items).toHaveLength(200);
    expect(shown.items[0]?.id).toBe('id-900');
    expect(shown.hidden).toBe(800);
  });
  it('filters by name, case-insensitively', () => {
    const shown = visibleAois(many, 'site 99', '');
    expect(shown.items.map((a) => a.name)).toEqual(['Site 99', 'Site 990', 'Site 991', 'Site 992', 'Site 993', 'Site 994', 'Site 995', 'Site 996', 'Site 997', 'Site 998', 'Site 999']);
  });
});
