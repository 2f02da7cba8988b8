import Fill from 'ol/style/Fill';
import Stroke from 'ol/style/Stroke';
import Style from 'ol/style/Style';
import type { DeliveryItem } from './deliveriesPort';
import type { Drawn } from './taskingLayers';

/**
 * Styles of delivered products' footprints. Okabe–Ito bluish green, so a delivery never reads as an
 * archive search result (blue) or a tasking segment; products not yet on disk are dashed, the ones
 * fully downloaded solid (a shape cue, not hue alone). Hover and selection use the shared emphasis
 * styles (footprintStyles.ts), so they look the same in every section. Built once, shared by all.
 */
export const DELIVERY_COLOUR = '#009e73';
const HALO = 'rgba(255, 255, 255, 0.75)';

const downloadedStyles: Style[] = [
  new Style({ stroke: new Stroke({ color: HALO, width: 4 }), fill: new Fill({ color: 'rgba(0, 158, 115, 0.1)' }) }),
  new Style({ stroke: new Stroke({ color: DELIVERY_COLOUR, width: 2 }) }),
];
const pendingStyles: Style[] = [
  new Style({ stroke: new Stroke({ color: HALO, width: 4 }) }),
  new Style({ stroke: new Stroke({ color: DELIVERY_COLOUR, width: 2, lineDash: [7, 5] }) }),
];

/** How one delivered product is drawn: downloaded ones over the rest. */
export function deliveryDrawn(item: Pick<DeliveryItem, 'downloaded'>): Drawn {
  return item.downloaded ? { styles: downloadedStyles, weight: 1 } : { styles: pendingStyles, weight: 0 };
}
