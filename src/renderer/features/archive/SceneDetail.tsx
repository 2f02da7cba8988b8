import type { ListedScene } from '../../../shared/domain/archive';
import { useChannel } from '../../api/useChannel';
import { ErrorNote } from '../../ui/ErrorNote';
import { formatAngle, formatCoverage, formatMetres, formatPercent, formatUtc } from '../../ui/format';
import { QuicklookStatus } from '../../ui/QuicklookStatus';
import { PropertyList } from '../../ui/PropertyList';
import type { QuicklookState } from './useSceneMap';

/**
 * The selected scene: key facts, basket action, quicklook status and every provider property. The
 * properties are read for this scene only (results carry none), from the store, so offline too.
 */
export function SceneDetail(props: {
  scene: ListedScene;
  /** The stored search the scene belongs to. */
  searchId: string;
  inBasket: boolean;
  quicklook: QuicklookState | null;
  quicklookLoading: boolean;
  onToggleBasket(): void;
  onZoom(): void;
}) {
  const s = props.scene;
  const loaded = useChannel('archive.sceneProperties', { searchId: props.searchId, sceneId: s.id });
  const properties = loaded.value?.properties;
  return (
    <section className="card archive-detail" aria-labelledby="scene-detail-title">
      <h4 id="scene-detail-title" className="archive-detail__title">
        {s.satellite || s.constellation} · {formatUtc(s.acquisitionDate)}
      </h4>
      <dl className="facts" aria-label="Scene summary">
        <div><dt>Cloud cover</dt><dd>{formatPercent(s.cloudCover, 1)}</dd></div>
        <div><dt>Incidence</dt><dd>{formatAngle(s.incidenceAngle)}</dd></div>
        <div><dt>Resolution</dt><dd>{formatMetres(s.resolutionM)}</dd></div>
        <div><dt>AOI covered</dt><dd>{formatCoverage(s.aoiCoverage)}</dd></div>
        <div><dt>Scene id</dt><dd className="mono" title={s.id}>{s.id}</dd></div>
        <div><dt>Datastrip</dt><dd className="mono" title={s.sourceId}>{s.sourceId}</dd></div>
      </dl>
      <QuicklookStatus loading={props.quicklookLoading} quicklook={props.quicklook} />
      <div className="card-actions">
        <button className="button" onClick={props.onZoom}>Zoom to</button>
        <button className={`button${props.inBasket ? ' danger' : ' primary'}`} onClick={props.onToggleBasket}>
          {props.inBasket ? 'Remove from basket' : 'Add to basket'}
        </button>
      </div>
      <details className="archive-detail__props" open aria-busy={loaded.loading}>
        <summary>All properties{properties ? ` (${Object.keys(properties).length})` : ''}</summary>
        {loaded.loading && <p className="muted">Loading properties…</p>}
        <ErrorNote error={loaded.error} label="Properties unavailable" />
        {properties && (
          <PropertyList properties={properties} label="All scene properties" className="archive-props" focusable />
        )}
      </details>
    </section>
  );
}
