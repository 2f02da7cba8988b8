import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { deliveryDrawn } from './deliveriesLayers';
import type { DeliveryItem } from './deliveriesPort';
import { TaskingFootprints } from './taskingLayers';

const square = (w: number, s: number, size: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[w, s], [w + size, s], [w + size, s + size], [w, s + size], [w, s]]],
});

describe('delivered products on the map', () => {
  it('draws downloaded products solid and over the rest, the others dashed', () => {
    const done = deliveryDrawn({ downloaded: true });
    const pending = deliveryDrawn({ downloaded: false });
    expect(done.weight).toBeGreaterThan(pending.weight);
    expect(done.styles.some((s) => s.getStroke()?.getLineDash())).toBe(false);
    expect(pending.styles.some((s) => s.getStroke()?.getLineDash())).toBe(true);
    // Shared, not built per product.
    expect(deliveryDrawn({ downloaded: true }).styles).toBe(done.styles);
  });

  it('hit-tests a MultiPolygon footprint (across the antimeridian) in either part', () => {
    const layer = new TaskingFootprints<DeliveryItem>('deliveries', () => deliveryDrawn);
    const across: DeliveryItem = {
      id: 'fiji',
      downloaded: false,
      label: 'across ±180',
      footprint: { type: 'MultiPolygon', coordinates: [square(179, -17, 0.9).coordinates, square(-180, -17, 0.9).coordinates] },
    };
    layer.setProjection('EPSG:4326');
    layer.setItems([across, { id: 'toulouse', downloaded: true, label: 'Toulouse', footprint: square(1.4, 43.5, 0.2) }]);
    expect(layer.idsAt([179.5, -16.5])).toEqual(['fiji']);
    expect(layer.idsAt([-179.5, -16.5])).toEqual(['fiji']);
    expect(layer.idsAt([1.5, 43.6])).toEqual(['toulouse']);
    expect(layer.idsAt([10, 10])).toEqual([]);
  });
});
