import { ErrorNote } from '../../ui/ErrorNote';
import { formatKm2, formatMetres } from '../../ui/format';
import type { ArchiveSource } from './useArchiveSource';

/** The archive product type: mission, native resolution, minimum order area, quoted or priced. */
export function ProductTypePicker({ source }: { source: ArchiveSource }) {
  const t = source.productType;
  if (!source.contractId) return null;
  return (
    <div className="field">
      <label htmlFor="archive-product">Product type</label>
      {source.types.loading && !source.types.value ? (
        <p className="muted">Loading product types…</p>
      ) : source.productTypes.length === 0 ? (
        !source.types.error && <p className="muted">No archive product type on this contract.</p>
      ) : (
        <select id="archive-product" value={source.productTypeId} onChange={(e) => source.setProductTypeId(e.target.value)}>
          {source.productTypes.map((p) => (
            <option key={p.productTypeId} value={p.productTypeId}>
              {p.label} — {p.mission}
              {p.resolutionM !== null ? `, ${formatMetres(p.resolutionM)}` : ''}
            </option>
          ))}
        </select>
      )}
      <ErrorNote error={source.types.error} label="Product types could not be loaded" />
      {t && (
        <p className="hint" aria-label="Product type details">
          {t.mission} · {formatMetres(t.resolutionM)} · minimum order {t.minimumOrderAreaApplied === null ? 'not stated' : formatKm2(t.minimumOrderAreaApplied)}
          {t.quotationRequired ? ' · quoted on request (quotation)' : ''}
        </p>
      )}
    </div>
  );
}
