import type { Polygon } from 'geojson';

/** One scene footprint as the map draws it; `cloudCover` drives the style. */
export interface FootprintItem {
  id: string;
  footprint: Polygon;
  cloudCover: number | null;
  /** Shown as the tooltip / label when hovered, e.g. "2024-05-02 PHR1A 3 % cloud". */
  label: string;
}

/**
 * What the Archive section needs from the map; MapController provides it. Hover and selection travel
 * both ways: the list pushes them in with setHighlighted/setSelected, the map reports its own through
 * the callbacks, and the caller decides what becomes state (so there is one source of truth).
 */
export interface ArchiveMapPort {
  /** Replaces every footprint (many thousands must stay smooth). Empty array clears them. */
  setFootprints(items: FootprintItem[]): void;
  setHighlighted(id: string | null): void;
  /** `zoom` fits the selected footprint sensibly (not closer than a city, not farther than needed). */
  setSelected(id: string | null, opts?: { zoom?: boolean }): void;
  /** Footprints in the basket get a distinct outline. */
  setBasket(ids: string[]): void;
  /** Drapes the quicklook image on its footprint; null removes it. */
  showQuicklook(quicklook: { id: string; dataUrl: string; footprint: Polygon } | null): void;
  /** Fits the view to every footprint (and the search AOI, given in EPSG:4326). */
  zoomToFootprints(): void;
  onFootprintHover(cb: (id: string | null) => void): () => void;
  onFootprintClick(cb: (id: string) => void): () => void;
}
