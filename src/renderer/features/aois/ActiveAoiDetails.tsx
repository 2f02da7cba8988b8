import type { MultiPolygon, Polygon } from 'geojson';
import type { JSX } from 'react';
import type { Aoi } from '../../../shared/domain/aoi';
import type { ProjectionInfo } from '../../../shared/domain/projection';
import { formatKm2 } from '../../ui/format';
import { minimumAreaWarning, type ProductMinimum } from '../../ui/minimumArea';
import { ProjectionSelect } from './ProjectionSelect';
import { VertexTable } from './VertexTable';

/**
 * The active AOI in detail: its area against the selected product's minimum, the map projection
 * (which also sets the CRS of the vertex table) and the vertex table itself.
 */
export function ActiveAoiDetails(props: {
  aoi: Aoi;
  projection: ProjectionInfo;
  productCodes: number[];
  productLabels?: ReadonlyMap<number, string>;
  product: ProductMinimum | null;
  onProjectionChange(info: ProjectionInfo): void;
  onReshape(geometry: Polygon | MultiPolygon): void;
}): JSX.Element {
  const { aoi } = props;
  const warning = minimumAreaWarning(aoi.areaKm2, props.product);
  return (
    <section className="active-aoi" aria-label={`Active AOI ${aoi.name}`}>
      <h3 className="active-aoi__title">{aoi.name}</h3>
      <p className="active-aoi__area">
        {formatKm2(aoi.areaKm2)} · {aoi.vertexCount} vertices
        {props.product?.minimumAreaKm2 != null && !warning ? ` · meets the ${formatKm2(props.product.minimumAreaKm2)} minimum of ${props.product.productLabel}` : ''}
      </p>
      {warning && (
        <p className="banner banner-warn" role="status" aria-label="Minimum area warning">
          {warning}
        </p>
      )}
      {!props.product && <p className="hint">Select a product in the Archive section to compare this area with its minimum order area and to list its projections.</p>}
      <ProjectionSelect codes={props.productCodes} providerLabels={props.productLabels} value={props.projection.code} onChange={props.onProjectionChange} aoiBbox={lonLatBbox(aoi.geometry as Polygon | MultiPolygon)} />
      <details className="active-aoi__vertices">
        <summary>Vertices ({aoi.vertexCount}) in EPSG:{props.projection.code}</summary>
        <VertexTable geometry={aoi.geometry as Polygon | MultiPolygon} projection={props.projection} onChange={props.onReshape} />
      </details>
    </section>
  );
}

/** [w, s, e, n]; an AOI split at the antimeridian reports the box east of it (e > 180 wraps). */
function lonLatBbox(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const polygon of polygons) {
    for (const [lon = 0, lat = 0] of polygon[0] ?? []) {
      w = Math.min(w, lon);
      e = Math.max(e, lon);
      s = Math.min(s, lat);
      n = Math.max(n, lat);
    }
  }
  return [w, s, e, n];
}
