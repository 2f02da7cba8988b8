import type { LayerState } from '../../../shared/domain/workspace';

/** One row of the layers panel: a new map layer is one entry here plus its registration in MapController. */
export interface LayerEntry {
  id: string;
  label: string;
  /** Shown disabled with this note until the feature that draws it lands. */
  pending?: string;
}

/** Overlays, top of the panel = top of the map (MapController stacks the tasking layers over the archive's). */
export const OVERLAY_LAYERS: readonly LayerEntry[] = [
  { id: 'places', label: 'Place names' },
  { id: 'graticule', label: 'Graticule' },
  { id: 'aois', label: 'AOIs' },
  { id: 'attempts', label: 'Acquisition attempts' },
  { id: 'segments', label: 'Acquired segments' },
  { id: 'feasibility', label: 'Feasibility' },
  { id: 'deliveries', label: 'Delivered products' },
  { id: 'footprints', label: 'Footprints' },
  { id: 'quicklooks', label: 'Quicklooks' },
];

/** The workspace key of the chosen basemap's opacity (its visibility is the choice itself). */
export const BASEMAP_LAYER_ID = 'basemap';

export const DEFAULT_LAYER_STATE: LayerState = { visible: true, opacity: 1 };

export const layerStateOf = (layers: Record<string, LayerState>, id: string): LayerState => layers[id] ?? DEFAULT_LAYER_STATE;
