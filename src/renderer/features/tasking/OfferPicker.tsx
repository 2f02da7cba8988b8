import type { Aoi } from '../../../shared/domain/aoi';
import { TASKING_MAX_VERTICES } from '../../../shared/domain/tasking';
import { ErrorNote } from '../../ui/ErrorNote';
import { formatKm2, formatMetres } from '../../ui/format';
import { groupOffers, minimumAreaNote } from './offers';
import type { TaskingSource } from './useTaskingSource';

/**
 * The contract's tasking offers grouped by programming type (each explained in one line) and sensor, and the
 * AOI against the chosen offer's minimum area and vertex limit, said before anything is asked.
 */
export function OfferPicker(props: { source: TaskingSource; aoi: Aoi | undefined }) {
  const { source, aoi } = props;
  const groups = groupOffers(source.offerList);
  const note = aoi && source.offer ? minimumAreaNote(aoi.areaKm2, source.offer) : null;
  return (
    <>
      {source.offers.loading && !source.offers.value ? (
        <p className="muted">Loading tasking offers…</p>
      ) : groups.length === 0 ? (
        !source.offers.error && source.contractId && <p className="muted">This contract sells no tasking.</p>
      ) : (
        groups.map((g) => (
          <fieldset key={g.progType} className="fieldset tasking-offers" aria-describedby={`offer-line-${g.progType}`}>
            <legend>{g.label}</legend>
            <p className="tasking-offer__line" id={`offer-line-${g.progType}`}>{g.line}</p>
            <div className="tasking-offer__choices">
              {g.offers.map((o) => (
                <label key={o.productTypeId} className="tasking-offer">
                  <input type="radio" name="tasking-offer" value={o.productTypeId} checked={o.productTypeId === source.productTypeId} onChange={() => source.setProductTypeId(o.productTypeId)} />
                  <span className="tasking-offer__text">
                    <span className="tasking-offer__name">{o.label}</span>
                    <span className="tasking-offer__facts">
                      {[o.resolutionM !== null && formatMetres(o.resolutionM), o.minimumOrderAreaKm2 !== null && `from ${formatKm2(o.minimumOrderAreaKm2)}`].filter(Boolean).join(' · ')}
                    </span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        ))
      )}
      <ErrorNote error={source.offers.error} label="Tasking offers could not be loaded" />
      <div className="tasking-aoi" aria-label="AOI to task">
        {aoi ? (
          <>
            <p>
              AOI <strong>{aoi.name}</strong>: {formatKm2(aoi.areaKm2)}, {aoi.vertexCount} vertices
              {aoi.geometry.type === 'MultiPolygon' && `, ${aoi.geometry.coordinates.length} parts`}
            </p>
            {note && <p className={`banner banner-${note.tone === 'ok' ? 'ok' : note.tone === 'warn' ? 'warn' : 'error'}`} role={note.tone === 'error' ? 'alert' : 'status'}>{note.text}</p>}
            {aoi.vertexCount > TASKING_MAX_VERTICES && (
              <p className="banner banner-error" role="alert">A tasking AOI may have at most {TASKING_MAX_VERTICES} vertices: simplify it in the AOIs section.</p>
            )}
            {aoi.geometry.type === 'MultiPolygon' && <p className="banner banner-error" role="alert">A tasking covers one polygon: choose or draw a single one.</p>}
          </>
        ) : (
          <p className="muted">No AOI: draw or import one in the AOIs section; the active AOI is tasked.</p>
        )}
      </div>
    </>
  );
}
