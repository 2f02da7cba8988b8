import type { Polygon } from 'geojson';
import { fromLonLat } from 'ol/proj';
import type VectorSource from 'ol/source/Vector';
import { describe, expect, it } from 'vitest';
import type { ProjectionInfo } from '../../shared/domain/projection';
import type { FootprintItem } from './archivePort';
import { FootprintLayer } from './footprintLayer';
import { ensureProjection } from './projections';

const box = (w: number, s: number, e: number, n: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

const item = (id: string, footprint: Polygon, cloudCover: number | null = 10): FootprintItem => ({ id, footprint, cloudCover, label: id });

/** An orthographic view of Europe: the far side of the globe has no coordinates in it. */
const ORTHO_EUROPE: ProjectionInfo = {
  code: 990_002,
  name: 'Orthographic over Europe (footprint test)',
  proj4: '+proj=ortho +lat_0=45 +lon_0=2 +datum=WGS84 +units=m +no_defs',
  bbox: [-60, 0, 60, 90],
  areaOfUse: 'Europe',
  units: 'metre',
  unavailable: null,
};

const emphasised = (layer: FootprintLayer) =>
  layer.emphasisLayer
    .getSource()!
    .getFeatures()
    .map((f) => f.getId())
    .sort();

describe('FootprintLayer', () => {
  it('hit-tests through the R-tree: smallest footprint first, nothing outside', () => {
    const layer = new FootprintLayer();
    layer.setItems([item('big', box(1, 43, 2, 44)), item('small', box(1.4, 43.5, 1.6, 43.7)), item('mid', box(1.3, 43.4, 1.7, 43.8))]);
    expect(layer.idsAt(fromLonLat([1.5, 43.6]))).toEqual(['small', 'mid', 'big']);
    expect(layer.idsAt(fromLonLat([1.9, 43.9]))).toEqual(['big']);
    expect(layer.idsAt(fromLonLat([5, 5]))).toEqual([]);
  });

  it('finds a footprint from any world copy and across the antimeridian', () => {
    const layer = new FootprintLayer();
    layer.setItems([item('fiji', box(179, -17, 181, -16))]);
    const [x = 0, y = 0] = fromLonLat([179.5, -16.5]);
    const worldWidth = 2 * 20_037_508.342789244;
    expect(layer.idsAt([x, y])).toEqual(['fiji']);
    expect(layer.idsAt([x + worldWidth, y])).toEqual(['fiji']);
    expect(layer.idsAt(fromLonLat([-179.5, -16.5]))).toEqual(['fiji']);
  });

  it('replaces the drawn footprints when the list changes, and keeps them for the same list again', () => {
    const layer = new FootprintLayer();
    const items = [item('a', box(1, 43, 2, 44))];
    const drawn = () => (layer.layer.getSource() as VectorSource).getFeatures();
    layer.setItems(items);
    const first = drawn()[0];
    layer.setItems(items);
    expect(drawn()[0]).toBe(first);
    layer.setItems([...items, item('b', box(3, 43, 4, 44))]);
    expect(drawn().map((f) => f.getId()).sort()).toEqual(['a', 'b']);
    expect(drawn()).not.toContain(first);
  });

  it('follows the view CRS: drawn and hit-tested in its coordinates; a footprint outside it is kept, not drawn', () => {
    const ortho = ensureProjection(ORTHO_EUROPE);
    const layer = new FootprintLayer();
    layer.setItems([item('toulouse', box(1.4, 43.5, 1.6, 43.7)), item('far side', box(-170, -10, -160, 0))]);
    layer.setProjection(ortho);
    expect((layer.layer.getSource() as VectorSource).getFeatures().map((f) => f.getId())).toEqual(['toulouse']);
    expect(layer.idsAt(fromLonLat([1.5, 43.6], ortho))).toEqual(['toulouse']);
    expect(layer.idsAt(fromLonLat([1.5, 43.6]))).toEqual([]);
    // Not drawable in this CRS, but still known to the list (its bbox, its label).
    expect(layer.get('far side')?.item.id).toBe('far side');
  });

  it('puts only the hovered, selected and basket footprints on the emphasis layer', () => {
    const layer = new FootprintLayer();
    layer.setItems([item('a', box(1, 43, 2, 44)), item('b', box(3, 43, 4, 44)), item('c', box(5, 43, 6, 44)), item('d', box(7, 43, 8, 44))]);
    layer.setHovered('a');
    layer.setSelected('b');
    layer.setBasket(['c']);
    expect(emphasised(layer)).toEqual(['a', 'b', 'c']);
    layer.setHovered(null);
    expect(emphasised(layer)).toEqual(['b', 'c']);
  });
});
