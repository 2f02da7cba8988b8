import { describe, expect, it } from 'vitest';
import { placeGraticuleLabels, visibleBox, type LabelLine, type PlacedLabel, type PixelBox } from './graticuleLabels';

const measure = { lon: () => ({ width: 40, height: 12 }), lat: () => ({ width: 46, height: 12 }) };

const inside = (l: PlacedLabel, box: PixelBox) => l.x >= box.left && l.y >= box.top && l.x + l.width <= box.right && l.y + l.height <= box.bottom;
const apart = (a: PlacedLabel, b: PlacedLabel) => a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

function expectClean(labels: PlacedLabel[], box: PixelBox) {
  for (const l of labels) expect(inside(l, box), `label ${l.value} inside the box`).toBe(true);
  for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) expect(apart(labels[i]!, labels[j]!)).toBe(true);
}

describe('graticule labels', () => {
  it('labels every meridian and parallel when there is room', () => {
    const box: PixelBox = { left: 0, top: 0, right: 1000, bottom: 600 };
    const meridians: LabelLine[] = [0, 1, 2, 3, 4, 5, 6, 7].map((v) => ({ value: v, points: [[v * 120 + 50, -10], [v * 120 + 50, 700]] }));
    const parallels: LabelLine[] = [40, 41, 42, 43].map((v) => ({ value: v, points: [[-10, 560 - (v - 40) * 140], [1100, 560 - (v - 40) * 140]] }));
    const { lon, lat } = placeGraticuleLabels(meridians, parallels, box, measure);
    expect(lon.map((l) => l.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(lat.map((l) => l.value).sort()).toEqual([40, 41, 42, 43]);
    expectClean([...lon, ...lat], box);
  });

  it('keeps a regular series when meridians converge (a UTM zone strip towards the pole)', () => {
    // Meridians 0°…12° E every degree, fanning in towards the top as in EPSG:32631 far north.
    const box: PixelBox = { left: 300, top: 0, right: 700, bottom: 800 };
    const meridians: LabelLine[] = Array.from({ length: 13 }, (_, i) => ({
      value: i,
      points: [[500 + (i - 6) * 12, 0], [500 + (i - 6) * 60, 800]],
    }));
    const { lon } = placeGraticuleLabels(meridians, [], box, measure);
    expect(lon.length).toBeGreaterThan(1);
    expectClean(lon, box);
    const values = lon.map((l) => l.value).sort((a, b) => a - b);
    const steps = new Set(values.slice(1).map((v, i) => v - values[i]!));
    expect(steps.size).toBe(1);
    expect(values.every((v) => v % [...steps][0]! === 0)).toBe(true);
  });

  it('never places a label outside the CRS extent, even where the view shows beyond it', () => {
    // The view is 1200 px wide; the zone strip covers only x 400…800 and y 100…900.
    const box = visibleBox([1200, 1000], [[400, 100], [800, 900], [400, 900], [800, 100]]);
    const meridians: LabelLine[] = [-3, 0, 3, 6, 9].map((v) => ({ value: v, points: [[500 + v * 30, -200], [500 + v * 30, 1200]] }));
    const parallels: LabelLine[] = [44, 46, 48].map((v) => ({ value: v, points: [[0, 1400 - v * 25], [1200, 1400 - v * 25]] }));
    const { lon, lat } = placeGraticuleLabels(meridians, parallels, box, measure);
    expect(lon.length).toBeGreaterThan(0);
    expect(lat.length).toBeGreaterThan(0);
    expectClean([...lon, ...lat], box);
    expect(Math.min(...lon.map((l) => l.y))).toBeGreaterThanOrEqual(104);
    expect(Math.max(...lat.map((l) => l.x + l.width))).toBeLessThanOrEqual(796);
  });

  it('leaves out parallel labels that would touch a meridian label in the corner', () => {
    const box: PixelBox = { left: 0, top: 0, right: 400, bottom: 400 };
    const meridians: LabelLine[] = [{ value: 10, points: [[380, 0], [380, 400]] }];
    const parallels: LabelLine[] = [{ value: 50, points: [[0, 8], [400, 8]] }, { value: 49, points: [[0, 200], [400, 200]] }];
    const { lon, lat } = placeGraticuleLabels(meridians, parallels, box, measure);
    expect(lon).toHaveLength(1);
    expect(lat.map((l) => l.value)).toEqual([49]);
  });

  it('places nothing in an empty box', () => {
    const box = visibleBox([800, 600], [[900, 0], [1000, 100]]);
    expect(placeGraticuleLabels([{ value: 1, points: [[950, 0], [950, 100]] }], [], box, measure)).toEqual({ lon: [], lat: [] });
  });
});
