import type { Polygon } from 'geojson';
import type MultiPolygon from 'ol/geom/MultiPolygon';
import { fromLonLat } from 'ol/proj';
import { describe, expect, it } from 'vitest';
import type { ProjectionInfo } from '../../shared/domain/projection';
import { ensureProjection } from './projections';
import { OutlineLayer, TaskingFootprints } from './taskingLayers';
import type { TaskingFootprintItem } from './taskingLayers';
import { segmentStyle } from './taskingStyles';

/** An orthographic view of Europe: the far side of the globe has no coordinates in it. */
const ORTHO_EUROPE: ProjectionInfo = {
  code: 990_001,
  name: 'Orthographic over Europe (test)',
  proj4: '+proj=ortho +lat_0=45 +lon_0=2 +datum=WGS84 +units=m +no_defs',
  bbox: [-60, 0, 60, 90],
  areaOfUse: 'Europe',
  units: 'metre',
  unavailable: null,
};

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

const item = (id: string, footprint: Polygon): TaskingFootprintItem => ({ id, footprint, label: id });

function layer(weights: Record<string, number> = {}): TaskingFootprints<TaskingFootprintItem> {
  return new TaskingFootprints<TaskingFootprintItem>('test', () => (it) => ({ styles: segmentStyle('other'), weight: weights[it.id] ?? 0 }));
}

const sourceOf = (l: TaskingFootprints<TaskingFootprintItem>) => l.layer.getSource()!;
/** Polygons on the drawn layer, whatever features batch them. */
const drawnPolygons = (l: TaskingFootprints<TaskingFootprintItem>) =>
  sourceOf(l)
    .getFeatures()
    .reduce((n, f) => n + (f.getGeometry() as MultiPolygon).getPolygons().length, 0);
const emphasised = (l: TaskingFootprints<TaskingFootprintItem>) => l.emphasisLayer.getSource()!.getFeatures().map((f) => f.getId());

describe('TaskingFootprints', () => {
  it('reports the smallest item under the pointer first, the top one among equals', () => {
    const l = layer({ b: 1, c: 2 });
    l.setItems([item('big', box(1, 43, 2, 44)), item('small', box(1.4, 43.5, 1.6, 43.7)), item('b', box(1.3, 43.4, 1.7, 43.8)), item('c', box(1.3, 43.4, 1.7, 43.8))]);
    expect(l.idsAt(fromLonLat([1.5, 43.6]))).toEqual(['small', 'c', 'b', 'big']);
    expect(l.idsAt(fromLonLat([1.9, 43.9]))).toEqual(['big']);
    expect(l.idsAt(fromLonLat([5, 5]))).toEqual([]);
  });

  it('draws items of one style together, a batch per style and map cell, in weight order', () => {
    const l = new TaskingFootprints<TaskingFootprintItem>('test', () => (it) =>
      it.id.startsWith('p') ? { styles: segmentStyle('proposed'), weight: 3 } : { styles: segmentStyle('refused'), weight: 0 },
    );
    const many = Array.from({ length: 300 }, (_, i) => item(`${i % 3 ? 'r' : 'p'}${i}`, box(1 + (i % 10) * 0.01, 43, 1.5 + (i % 10) * 0.01, 43.5)));
    l.setItems([...many, item('far', box(30, 10, 31, 11))]);
    const features = sourceOf(l).getFeatures();
    expect(features).toHaveLength(3);
    expect(drawnPolygons(l)).toBe(301);
    const order = l.layer.getRenderOrder()!;
    const [refused, proposed] = [features.find((f) => f.get('weight') === 0)!, features.find((f) => f.get('weight') === 3)!];
    expect(order(refused, proposed)).toBeLessThan(0);
    // Hit testing still answers single items.
    expect(l.idsAt(fromLonLat([30.5, 10.5]))).toEqual(['far']);
    expect(l.idsAt(fromLonLat([1.2, 43.2]))).toHaveLength(300);
  });

  it('answers nothing while its layer is switched off', () => {
    const l = layer();
    l.setItems([item('a', box(1, 43, 2, 44))]);
    l.layer.setVisible(false);
    expect(l.idsAt(fromLonLat([1.5, 43.5]))).toEqual([]);
    expect(l.isShown()).toBe(false);
  });

  it('cuts a footprint across the antimeridian and finds it on both sides', () => {
    const l = layer();
    l.setItems([item('fiji', box(179, -18, 181, -16))]);
    expect(l.get('fiji')!.geometry!.getType()).toBe('MultiPolygon');
    expect(l.idsAt(fromLonLat([179.5, -17]))).toEqual(['fiji']);
    expect(l.idsAt(fromLonLat([-179.5, -17]))).toEqual(['fiji']);
    expect(l.bboxes()[0]![0]).toBeGreaterThan(l.bboxes()[0]![2]);
  });

  it('keeps but does not draw what a local CRS cannot show', () => {
    const l = layer();
    l.setItems([item('far', box(178, -46, 179, -45)), item('ok', box(1, 43, 2, 44))]);
    l.setProjection(ensureProjection(ORTHO_EUROPE));
    // New Zealand is on the far side of this globe: that footprint stays listed, not drawn.
    expect(l.get('far')).toBeDefined();
    expect(l.get('far')!.geometry).toBeUndefined();
    expect(l.bboxes()).toHaveLength(2);
    expect(drawnPolygons(l)).toBe(1);
  });

  it('keeps the same list a no-op and rebuilds a new one', () => {
    const l = layer();
    const items = [item('a', box(1, 43, 2, 44))];
    l.setItems(items);
    const geometry = l.get('a')!.geometry;
    l.setItems(items.slice());
    expect(l.get('a')!.geometry).toBe(geometry);
    l.setItems([item('a', box(1, 43, 2, 44))]);
    expect(l.get('a')!.geometry).not.toBe(geometry);
  });

  it('puts only the hovered and the selected item on the emphasis layer, and keeps them across lists', () => {
    const l = layer();
    l.setItems([item('a', box(1, 43, 2, 44)), item('b', box(3, 43, 4, 44)), item('c', box(5, 43, 6, 44))]);
    l.setHovered('a');
    l.setSelected('b');
    expect(emphasised(l).sort()).toEqual(['a', 'b']);
    l.setHovered('b');
    expect(emphasised(l)).toEqual(['b']);
    l.setItems([item('b', box(3, 43, 4, 44))]);
    expect(emphasised(l)).toEqual(['b']);
    l.setItems([]);
    expect(emphasised(l)).toEqual([]);
    expect(l.getSelected()).toBe('b');
  });
});

describe('OutlineLayer', () => {
  it('shows one polygon, clears on null and remembers its box for fitting', () => {
    const outline = new OutlineLayer('test');
    outline.set(box(1, 43, 2, 44), []);
    expect(outline.layer.getSource()!.getFeatures()).toHaveLength(1);
    expect(outline.bbox()).toEqual([1, 43, 2, 44]);
    outline.set(null, []);
    expect(outline.layer.getSource()!.getFeatures()).toHaveLength(0);
    expect(outline.bbox()).toBeNull();
  });
});
