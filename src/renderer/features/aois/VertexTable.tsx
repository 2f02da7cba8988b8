import './VertexTable.css';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { useId, useState } from 'react';
import type { JSX, KeyboardEvent } from 'react';
import { roundDegrees } from '../../map/aoiGeometry';
import { fromCrs, isGeographic, resolveProjection, toCrs } from '../../map/projections';
import type { ProjectionRef } from '../../map/projections';

export interface VertexTableProps {
  /** The active AOI, EPSG:4326. */
  geometry: Polygon | MultiPolygon;
  /** The CRS the coordinates are shown and typed in. */
  projection: ProjectionRef;
  /** A new geometry (EPSG:4326) after one vertex was moved by typing. */
  onChange: (geometry: Polygon | MultiPolygon) => void;
}

export interface RingGroup {
  polygon: number;
  ring: number;
  /** "Exterior ring", "Hole 1", "Part 2 · hole 1". */
  title: string;
  /** Prefix of the inputs' accessible names: "" for the main ring, "Hole 1 ", "Part 2 ". */
  namePrefix: string;
  /** Vertices without the closing position (which repeats the first). */
  vertices: Position[];
}

export function ringGroups(geometry: Polygon | MultiPolygon): RingGroup[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const multi = polygons.length > 1;
  return polygons.flatMap((rings, p) =>
    rings.map((ring, r) => {
      const part = multi ? `Part ${p + 1}` : '';
      const hole = r === 0 ? '' : `hole ${r}`;
      const title = [part, hole || (multi ? 'exterior ring' : 'Exterior ring')].filter(Boolean).join(' · ');
      const prefix = p === 0 && r === 0 ? '' : `${[part, hole].filter(Boolean).join(' ')} `;
      return {
        polygon: p,
        ring: r,
        title: title.charAt(0).toUpperCase() + title.slice(1),
        namePrefix: prefix.charAt(0).toUpperCase() + prefix.slice(1),
        vertices: ring.slice(0, -1),
      };
    }),
  );
}

/** A typed coordinate: "652469.12", "-3,5" (decimal comma), "1 234 567.8" (grouped), a trailing unit. */
export function parseCoordinate(text: string): number | null {
  let cleaned = text.trim().replace(/[\s\u00a0\u202f_]/g, '').replace(/(m|°)$/, '');
  if (!cleaned.includes('.') && /^[-+]?\d*,\d+$/.test(cleaned)) cleaned = cleaned.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/**
 * The geometry with one vertex moved to `lonLat`; the closing position follows the first vertex.
 * Returns a new object and leaves the input untouched.
 */
export function withVertex(
  geometry: Polygon | MultiPolygon,
  polygon: number,
  ring: number,
  index: number,
  lonLat: readonly [number, number],
): Polygon | MultiPolygon {
  const position = [roundDegrees(lonLat[0]), roundDegrees(lonLat[1])];
  const replaceRing = (points: Position[]): Position[] => {
    const last = points.length - 1;
    return points.map((p, i) => (i === index || (index === 0 && i === last) ? [...position] : p));
  };
  const replacePolygon = (rings: Position[][]): Position[][] => rings.map((r, i) => (i === ring ? replaceRing(r) : r));
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: replacePolygon(geometry.coordinates) };
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((rings, i) => (i === polygon ? replacePolygon(rings) : rings)) };
}

/**
 * Where a typed value puts the vertex, or why it cannot go there. The other axis keeps its exact
 * value; a projected point is accepted only if it survives the round trip to lon/lat (points outside
 * a CRS's domain invert to something else, or to nothing).
 */
export function moveVertex(
  projection: ProjectionRef,
  current: Position,
  axis: 0 | 1,
  value: number,
): { lonLat: [number, number] } | { error: string } {
  const geographic = isGeographic(projection);
  if (geographic) {
    if (axis === 0 && Math.abs(value) > 180) return { error: 'Longitude must be between -180 and 180.' };
    if (axis === 1 && Math.abs(value) > 90) return { error: 'Latitude must be between -90 and 90.' };
  }
  const xy = toCrs(projection, current);
  xy[axis] = value;
  const lonLat = fromCrs(projection, xy);
  const back = toCrs(projection, lonLat);
  const tolerance = geographic ? 1e-7 : 0.01;
  const valid =
    lonLat.every(Number.isFinite) &&
    Math.abs(lonLat[1]) <= 90 &&
    Math.abs((back[0] ?? NaN) - xy[0]) <= tolerance &&
    Math.abs((back[1] ?? NaN) - xy[1]) <= tolerance;
  if (!valid) return { error: `No place on Earth has these coordinates in EPSG:${resolveProjection(projection).code}.` };
  return { lonLat: [((((lonLat[0] + 180) % 360) + 360) % 360) - 180, lonLat[1]] };
}

interface CoordinateInputProps {
  label: string;
  value: number;
  decimals: number;
  /** Returns an error message, or null when the value was taken. */
  onCommit: (value: number) => string | null;
}

function CoordinateInput({ label, value, decimals, onCommit }: CoordinateInputProps): JSX.Element {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const shown = Number.isFinite(value) ? value.toFixed(decimals) : '';

  const commit = (): void => {
    if (draft === null || draft === shown) {
      setDraft(null);
      setError(null);
      return;
    }
    const parsed = parseCoordinate(draft);
    const problem = parsed === null ? 'Not a number.' : onCommit(parsed);
    setError(problem);
    if (problem === null) setDraft(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape' && draft !== null) {
      event.preventDefault();
      event.stopPropagation();
      setDraft(null);
      setError(null);
    }
  };

  return (
    <td className="idv-cell">
      <input
        className="idv-input"
        type="text"
        inputMode="decimal"
        spellCheck={false}
        aria-label={label}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        value={draft ?? shown}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      {error ? (
        <span id={errorId} className="idv-error" role="alert">
          {error}
        </span>
      ) : null}
    </td>
  );
}

/**
 * The active AOI's vertices in the map's CRS: degrees (7 decimals, about 1 cm) for a geographic CRS,
 * metres or feet (2 decimals) for a projected one. Typing a value and pressing Enter (or leaving the
 * field) moves the vertex; what cannot be a position is refused in place and changes nothing.
 */
export function VertexTable({ geometry, projection, onChange }: VertexTableProps): JSX.Element {
  const info = resolveProjection(projection);
  const geographic = info.units === 'degree';
  const axes = geographic ? (['longitude', 'latitude'] as const) : (['easting', 'northing'] as const);
  const unit = geographic ? '°' : info.units === 'foot' ? 'ft' : 'm';
  const decimals = geographic ? 7 : 2;
  const groups = ringGroups(geometry);

  return (
    <table className="idv-table" aria-label={`Vertices in EPSG:${info.code}`}>
      <caption className="idv-caption">
        EPSG:{info.code} · {info.name}
      </caption>
      <thead>
        <tr>
          <th scope="col" className="idv-index">
            #
          </th>
          {axes.map((axis) => (
            <th scope="col" key={axis}>
              {axis.charAt(0).toUpperCase() + axis.slice(1)} ({unit})
            </th>
          ))}
        </tr>
      </thead>
      {groups.map((group) => (
        <tbody key={`${group.polygon}-${group.ring}`}>
          {groups.length > 1 ? (
            <tr>
              <th scope="rowgroup" colSpan={3} className="idv-group">
                {group.title} · {group.vertices.length} vertices
              </th>
            </tr>
          ) : null}
          {group.vertices.map((vertex, index) => {
            const xy = geographic ? [vertex[0] ?? NaN, vertex[1] ?? NaN] : toCrs(info, vertex);
            return (
              <tr key={index}>
                <th scope="row" className="idv-index">
                  {index + 1}
                </th>
                {axes.map((axis, a) => (
                  <CoordinateInput
                    key={axis}
                    label={`${group.namePrefix}${group.namePrefix ? 'vertex' : 'Vertex'} ${index + 1} ${axis}`}
                    value={xy[a] ?? NaN}
                    decimals={decimals}
                    onCommit={(value) => {
                      const moved = moveVertex(info, vertex, a as 0 | 1, value);
                      if ('error' in moved) return moved.error;
                      onChange(withVertex(geometry, group.polygon, group.ring, index, moved.lonLat));
                      return null;
                    }}
                  />
                ))}
              </tr>
            );
          })}
        </tbody>
      ))}
    </table>
  );
}
