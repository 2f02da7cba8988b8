import type { MultiPolygon, Polygon } from 'geojson';
import { useMemo, useRef, useState } from 'react';
import type { AoiSummary } from '../../../shared/domain/aoi';
import type { ProjectionInfo } from '../../../shared/domain/projection';
import { call } from '../../api/client';
import { messageOf } from '../../api/errors';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatKm2 } from '../../ui/format';
import { minimumAreaWarning, type ProductMinimum } from '../../ui/minimumArea';
import { ActiveAoiDetails } from './ActiveAoiDetails';
import { AoiList } from './AoiList';
import { AoiRow } from './AoiRow';
import { DRAW } from './drawKinds';
import { aoisToGeoJson, aoiToWkt, exportAllAois, safeFileName, saveTextFile } from './exportAois';
import type { AoiMapPort } from './mapPort';
import type { AoisState } from './useAois';
import { FILTER_FROM, visibleAois } from './visibleAois';
import { WktDialog } from './WktDialog';

/** The AOIs section: draw, import, paste, list, rename, duplicate, delete (undoable), export. */
export function AoisPanel(props: {
  aois: AoisState;
  map?: AoiMapPort;
  sketchKm2: number | null;
  notice?: string;
  notify(text: string): void;
  onImportFile(file: File): void;
  /** The map's CRS; the vertex table shows and accepts coordinates in it. */
  projection: ProjectionInfo;
  onProjectionChange(info: ProjectionInfo): void;
  /** EPSG codes of the selected product's projection options (empty without a product). */
  productCodes: number[];
  productLabels?: ReadonlyMap<number, string>;
  product: ProductMinimum | null;
}) {
  const { aois, map } = props;
  const fileInput = useRef<HTMLInputElement>(null);
  const [pasting, setPasting] = useState(false);
  const [deleting, setDeleting] = useState<AoiSummary>();
  const [filter, setFilter] = useState('');
  const [exporting, setExporting] = useState(false);
  const shown = useMemo(() => visibleAois(aois.list, filter), [aois.list, filter]);
  const total = aois.list.length;
  // One AOI's geometry is read when an action needs it: the list holds none.
  const withGeometry = (id: string) => call('aois.get', { id });

  const act = async (work: () => Promise<unknown>, done?: string) => {
    try {
      await work();
      if (done) props.notify(done);
    } catch (err) {
      props.notify(messageOf(err));
    }
  };

  return (
    <section className="panel" aria-labelledby="aois-title">
      <header className="panel-header">
        <h2 id="aois-title">AOIs</h2>
        <div className="button-row">
          <button className="button" title={`Undo ${aois.undoLabel ?? ''} (Ctrl+Z)`} aria-label="Undo" disabled={!aois.canUndo} onClick={() => act(async () => props.notify(`Undone: ${(await aois.undo()) ?? 'nothing'}.`))}>↶</button>
          <button className="button" title={`Redo ${aois.redoLabel ?? ''} (Ctrl+Shift+Z)`} aria-label="Redo" disabled={!aois.canRedo} onClick={() => act(async () => props.notify(`Redone: ${(await aois.redo()) ?? 'nothing'}.`))}>↷</button>
        </div>
      </header>
      <div className="panel-body">
        <div className="toolbar" role="toolbar" aria-label="Create AOIs">
          {DRAW.map((d) => (
            <button key={d.kind} className="button" title={`Draw a ${d.label.toLowerCase()} on the map (${d.key}); Esc cancels`} aria-label={`Draw ${d.label.toLowerCase()}`} disabled={!map} onClick={() => map?.startDraw(d.kind)}>
              {d.label}
            </button>
          ))}
          <button className="button" title="Import a GeoJSON file (or drop it on the map)" onClick={() => fileInput.current?.click()}>Import GeoJSON…</button>
          <button className="button" onClick={() => setPasting(true)}>Paste WKT…</button>
          <input
            ref={fileInput}
            type="file"
            hidden
            aria-label="GeoJSON file"
            accept=".geojson,.json,application/geo+json,application/json"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) props.onImportFile(file);
            }}
          />
        </div>
        {props.sketchKm2 !== null && (
          <p className="sketch-area" role="status" aria-label="Area being drawn">
            Drawing: {formatKm2(props.sketchKm2)}
            {minimumAreaWarning(props.sketchKm2, props.product) && <span className="sketch-area__warn"> — below {props.product?.productLabel}'s minimum</span>}
          </p>
        )}
        {props.notice && <p className="banner banner-ok" role="status">{props.notice}</p>}
        {aois.error && <p className="banner banner-error" role="alert">{aois.error.message}</p>}
        {aois.list.length === 0 ? (
          <p className="empty">No AOI yet. Draw one on the map, import a GeoJSON file (or drop it on the map), or paste WKT.</p>
        ) : (
          <>
          {total >= FILTER_FROM && (
            <input
              className="aoi-filter"
              type="search"
              aria-label="Filter AOIs by name"
              placeholder={`Filter ${total.toLocaleString('en')} AOIs by name`}
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
          )}
          <p className="muted aoi-list__count" aria-live="polite">
            {filter.trim() ? `${shown.length.toLocaleString('en')} of ${total.toLocaleString('en')} AOIs match` : `${total.toLocaleString('en')} AOI${total === 1 ? '' : 's'}`}
          </p>
          <AoiList
            items={shown}
            scrollKey={filter.trim()}
            row={(a, place) => (
              <AoiRow
                key={a.id}
                aoi={a}
                place={place}
                active={a.id === aois.activeId}
                onSelect={() => act(() => aois.setActive(a.id))}
                onZoom={() => map?.zoomToAoi(a.id)}
                onRename={(name) => act(() => aois.rename(a.id, name), `Renamed to “${name}”.`)}
                onDuplicate={() => act(() => aois.duplicate(a.id), `Duplicated “${a.name}”.`)}
                onDelete={() => setDeleting(a)}
                onExport={() => act(async () => saveTextFile(aoisToGeoJson([await withGeometry(a.id)]), `${safeFileName(a.name)}.geojson`))}
                onCopyWkt={() => act(async () => navigator.clipboard.writeText(aoiToWkt(await withGeometry(a.id))), `Copied “${a.name}” as WKT.`)}
              />
            )}
          />
          </>
        )}
        {total > 0 && (
          <button
            className="button"
            disabled={exporting}
            aria-busy={exporting}
            onClick={() => {
              setExporting(true);
              void act(async () => {
                try {
                  const count = await exportAllAois('aois.geojson');
                  if (count > 1_000) props.notify(`Exported ${count.toLocaleString('en')} AOIs.`);
                } finally {
                  setExporting(false);
                }
              });
            }}
          >
            {exporting ? 'Exporting…' : 'Export all as GeoJSON'}
          </button>
        )}
        {aois.active && (
          <ActiveAoiDetails
            aoi={aois.active}
            projection={props.projection}
            productCodes={props.productCodes}
            productLabels={props.productLabels}
            product={props.product}
            onProjectionChange={props.onProjectionChange}
            onReshape={(geometry: Polygon | MultiPolygon) => void act(() => aois.reshape(aois.activeId, geometry, 'move vertex'))}
          />
        )}
      </div>
      {pasting && (
        <WktDialog
          onClose={() => setPasting(false)}
          onCreate={async (name, geometry) => {
            await aois.create(name, geometry);
            setPasting(false);
            props.notify(`Created “${name}”.`);
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete AOI?"
          confirmLabel="Delete AOI"
          onCancel={() => setDeleting(undefined)}
          onConfirm={async () => {
            await act(() => aois.remove(deleting.id), `Deleted “${deleting.name}”. Undo with Ctrl+Z.`);
            setDeleting(undefined);
          }}
        >
          <p>“{deleting.name}” will be deleted. You can undo this with Ctrl+Z.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
