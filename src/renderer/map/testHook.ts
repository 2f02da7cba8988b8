import type { ArchiveMapPort } from './archivePort';
import type { DeliveriesMapPort } from './deliveriesPort';
import type { TaskingMapPort } from './taskingPort';
import type OlMap from 'ol/Map';

/** What a bench or a throwaway screenshot script can reach: the ports, and the map to move the view. */
export interface MapTestHook {
  archive: ArchiveMapPort;
  tasking: TaskingMapPort;
  /** The My data layers, with what they draw (e2e checks a delivered product's footprint is on the map). */
  deliveries: DeliveriesMapPort & { probe(): { drawn: string[]; selected: string | null; quicklook: string | null } };
  map: OlMap;
  /** Resolves once the quicklook shown last is on its layer (its decoding and warping are async). */
  quicklookLoaded: () => Promise<void>;
  /** The same for the delivered product's quicklook. */
  deliveryQuicklookLoaded: () => Promise<void>;
}

declare global {
  interface Window {
    __deskMapTestHook?: MapTestHook;
  }
}

/**
 * Benches drive the built renderer in Chromium and need the map without a search behind it. Only
 * when the page URL carries `?map-test-hook` (never the case in the Electron window, which loads a
 * fixed URL) are the controller's ports put on `window.__deskMapTestHook`. Returns the undo.
 */
export function exposeMapTestHook(hook: MapTestHook): () => void {
  if (typeof window === 'undefined' || !new URLSearchParams(window.location.search).has('map-test-hook')) return () => undefined;
  window.__deskMapTestHook = hook;
  return () => {
    if (window.__deskMapTestHook === hook) delete window.__deskMapTestHook;
  };
}
