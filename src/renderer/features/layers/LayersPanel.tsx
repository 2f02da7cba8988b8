import './layers.css';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { LayerState } from '../../../shared/domain/workspace';
import { OFFLINE_BASEMAP_ID, OSM_PRESET } from '../../../shared/domain/basemaps';
import { useWorkspace } from '../../api/workspaceStore';
import { ErrorNote } from '../../ui/ErrorNote';
import { BASEMAP_LAYER_ID, layerStateOf, OVERLAY_LAYERS } from '../../map/layers/catalog';
import type { BasemapChoice, BasemapStatus } from '../../map/MapController';
import { AddBasemapForm } from './AddBasemapForm';
import { choiceOf, useBasemaps } from './useBasemaps';

/** What the panel needs of the map (MapController provides it). */
export interface LayersMapPort {
  setLayerVisible(id: string, visible: boolean): void;
  setLayerOpacity(id: string, opacity: number): void;
  setBasemap(choice: BasemapChoice): void;
  onBasemapStatus(listener: (id: string, status: BasemapStatus) => void): () => void;
}

const STATUS_TEXT: Record<BasemapStatus, string> = {
  idle: '',
  loading: 'Loading tiles…',
  ok: 'Tiles loaded.',
  offline: 'Offline: tiles cannot be loaded. Natural Earth is shown instead.',
};

function Opacity(props: { label: string; value: number; disabled?: boolean; onChange: (value: number) => void }) {
  return (
    <input
      type="range"
      className="layers-opacity"
      min={0}
      max={100}
      step={5}
      value={Math.round(props.value * 100)}
      disabled={props.disabled}
      aria-label={`${props.label} opacity`}
      aria-valuetext={`${Math.round(props.value * 100)}%`}
      onChange={(e) => props.onChange(Number(e.target.value) / 100)}
    />
  );
}

/**
 * The layers panel over the map: which basemap (offline Natural Earth, or one the user added), and
 * each overlay's visibility and opacity. Everything is recorded in the workspace and put back on the
 * map from it, at start and after the reload an online basemap needs.
 */
export function LayersPanel({ map }: { map: LayersMapPort | undefined }) {
  const id = useId();
  const { state, patch } = useWorkspace();
  const basemaps = useBasemaps();
  const [open, setOpen] = useState(false);
  const [adding, setAdding] = useState(false);
  const [status, setStatus] = useState<{ id: string; status: BasemapStatus }>({ id: OFFLINE_BASEMAP_ID, status: 'idle' });
  const toggleRef = useRef<HTMLButtonElement>(null);
  const layers = state.layers;

  const choice = useMemo(() => choiceOf(basemaps.chosen), [basemaps.chosen]);
  useEffect(() => map?.setBasemap(choice), [map, choice]);
  useEffect(() => map?.onBasemapStatus((sourceId, s) => setStatus({ id: sourceId, status: s })), [map]);
  // The workspace is the truth: every entry is (re)applied from it, at start and on each change.
  useEffect(() => {
    if (!map) return;
    for (const entryId of [BASEMAP_LAYER_ID, ...OVERLAY_LAYERS.filter((e) => !e.pending).map((e) => e.id)]) {
      const layer = layerStateOf(layers, entryId);
      map.setLayerVisible(entryId, layer.visible);
      map.setLayerOpacity(entryId, layer.opacity);
    }
  }, [map, layers]);

  const setLayer = (entryId: string, change: Partial<LayerState>) =>
    patch({ layers: { ...layers, [entryId]: { ...layerStateOf(layers, entryId), ...change } } });

  const shownStatus = status.id === basemaps.chosenId ? STATUS_TEXT[status.status] : '';
  const hasOsm = (basemaps.sources ?? []).some((s) => s.template === OSM_PRESET.template);

  return (
    <div className="layers" onKeyDown={(e) => {
      if (e.key === 'Escape' && open) {
        setOpen(false);
        toggleRef.current?.focus();
      }
    }}>
      <button ref={toggleRef} type="button" className="layers-toggle" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen((o) => !o)}>
        Layers
      </button>
      <section id={`${id}-panel`} className="layers-panel" aria-label="Layers panel" hidden={!open}>
        <fieldset className="layers-group">
          <legend>Basemap</legend>
          <div className="layers-row">
            <label className="layers-choice">
              <input type="radio" name={`${id}-basemap`} checked={basemaps.chosenId === OFFLINE_BASEMAP_ID} onChange={() => basemaps.choose(OFFLINE_BASEMAP_ID)} />
              Natural Earth (offline)
            </label>
          </div>
          {(basemaps.sources ?? []).map((source) => (
            <div className="layers-row" key={source.id}>
              <label className="layers-choice">
                <input type="radio" name={`${id}-basemap`} checked={basemaps.chosenId === source.id} onChange={() => basemaps.choose(source.id)} />
                {source.name}
                <span className="layers-kind">{source.kind === 'xyz' || source.kind === 'wmts' ? 'online' : source.kind}</span>
              </label>
              <button type="button" className="layers-remove" aria-label={`Remove basemap ${source.name}`} onClick={() => void basemaps.remove(source)}>
                ×
              </button>
            </div>
          ))}
          <p className={`layers-status layers-status--${status.status}`} role="status" aria-label="Basemap status">
            {shownStatus}
          </p>
          <Opacity label="Basemap" value={layerStateOf(layers, BASEMAP_LAYER_ID).opacity} onChange={(opacity) => setLayer(BASEMAP_LAYER_ID, { opacity })} />
          <button type="button" className="layers-link" aria-expanded={adding} onClick={() => setAdding((a) => !a)}>
            Add a basemap…
          </button>
          {adding && <AddBasemapForm busy={basemaps.busy} hasOsm={hasOsm} onAdd={basemaps.add} />}
          <ErrorNote error={basemaps.error} label="Basemap error" />
        </fieldset>
        <fieldset className="layers-group">
          <legend>Layers</legend>
          {OVERLAY_LAYERS.map((entry) => {
            const layer = layerStateOf(layers, entry.id);
            return (
              <div className="layers-row" key={entry.id}>
                <label className="layers-choice">
                  <input type="checkbox" checked={!entry.pending && layer.visible} disabled={!!entry.pending} onChange={(e) => setLayer(entry.id, { visible: e.target.checked })} />
                  {entry.label}
                  {entry.pending && <span className="layers-kind">{entry.pending}</span>}
                </label>
                <Opacity label={entry.label} value={layer.opacity} disabled={!!entry.pending || !layer.visible} onChange={(opacity) => setLayer(entry.id, { opacity })} />
              </div>
            );
          })}
        </fieldset>
      </section>
    </div>
  );
}
