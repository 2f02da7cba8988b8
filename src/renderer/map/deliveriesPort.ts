import type { MultiPolygon, Polygon } from 'geojson';

/** One delivered product's footprint as the map draws it. */
export interface DeliveryItem {
  id: string;
  footprint: Polygon | MultiPolygon;
  /** Every file of it is on disk: drawn solid; otherwise dashed (shape, not hue alone). */
  downloaded: boolean;
  /** Tooltip text, e.g. "PHR1A · 2024-05-02 · ORTHO". */
  label: string;
}

/**
 * What the My data section needs from the map; MapController provides it (deliveriesMap.ts). As for the
 * archive and tasking ports, hover and selection travel both ways: the list pushes them in, the map
 * reports its own hovers and clicks back, and the caller keeps the one state. The footprints and the
 * draped quicklook are the layers-panel entry 'deliveries'.
 */
export interface DeliveriesMapPort {
  /** Replaces every footprint; [] clears them. */
  setDeliveries(items: DeliveryItem[]): void;
  setDeliveryHighlighted(id: string | null): void;
  /** `zoom` fits the view to the selected footprint (never closer than a city). */
  setDeliverySelected(id: string | null, opts?: { zoom?: boolean }): void;
  /** Drapes a product's quicklook on its footprint (one at a time); null removes it. */
  showDeliveryQuicklook(quicklook: { id: string; dataUrl: string; footprint: Polygon } | null): void;
  /** Fits the view to every footprint shown. */
  zoomToDeliveries(): void;
  onDeliveryHover(cb: (id: string | null) => void): () => void;
  onDeliveryClick(cb: (id: string) => void): () => void;
}
