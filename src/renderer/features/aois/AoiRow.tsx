import { useState, type CSSProperties } from 'react';
import type { AoiSummary } from '../../../shared/domain/aoi';
import { formatKm2 } from '../../ui/format';

/** One AOI in the list: select, rename in place (Enter saves, Escape cancels) and its actions. */
export function AoiRow(props: {
  aoi: AoiSummary;
  active: boolean;
  /** Its place in a windowed list: position and size of the whole set, and where it is drawn. */
  place: { index: number; setSize: number; style: CSSProperties };
  onSelect(): void;
  onZoom(): void;
  onRename(name: string): void;
  onDuplicate(): void;
  onDelete(): void;
  onExport(): void;
  onCopyWkt(): void;
}) {
  const { aoi } = props;
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(aoi.name);

  const commit = () => {
    setEditing(false);
    const trimmed = name.trim();
    if (trimmed && trimmed !== aoi.name) props.onRename(trimmed);
    else setName(aoi.name);
  };

  return (
    <li
      className={`card aoi-card${props.active ? ' is-active' : ''}`}
      aria-label={aoi.name}
      aria-current={props.active ? 'true' : undefined}
      aria-posinset={props.place.index + 1}
      aria-setsize={props.place.setSize}
      style={props.place.style}
    >
      <div className="card-title">
        {editing ? (
          <input
            autoFocus
            aria-label={`New name for ${aoi.name}`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit();
              if (e.key === 'Escape') {
                setName(aoi.name);
                setEditing(false);
              }
            }}
          />
        ) : (
          <button className="link-button" aria-label={`Select ${aoi.name}`} title={aoi.name} onClick={props.onSelect} onDoubleClick={() => setEditing(true)}>
            <strong>{aoi.name}</strong>
          </button>
        )}
        {props.active && <span className="tag">Active</span>}
      </div>
      <div className="muted aoi-facts">
        {formatKm2(aoi.areaKm2)} · {aoi.vertexCount} vertices{aoi.vertexCount > 999 ? ' (providers accept ≤ 999)' : ''}
      </div>
      <div className="card-actions">
        <button className="button" aria-label={`Zoom to ${aoi.name}`} onClick={props.onZoom}>Zoom to</button>
        <button className="button" aria-label={`Rename ${aoi.name}`} title="Rename (or double-click the name)" onClick={() => setEditing(true)}>Rename</button>
        <button className="button" aria-label={`Duplicate ${aoi.name}`} onClick={props.onDuplicate}>Duplicate</button>
        <button className="button" aria-label={`Export ${aoi.name}`} title="Save as GeoJSON" onClick={props.onExport}>Export</button>
        <button className="button" aria-label={`Copy ${aoi.name} as WKT`} onClick={props.onCopyWkt}>WKT</button>
        <button className="button danger" aria-label={`Delete ${aoi.name}`} onClick={props.onDelete}>Delete</button>
      </div>
    </li>
  );
}
