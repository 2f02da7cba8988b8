import type { DeliveredFile, DeliveredProduct, DeliverySource, Download, DownloadPlace } from '../../../shared/domain/deliveries';
import { needsProvider, type OfflineInfo } from '../../api/useOffline';
import { formatAngle, formatMetres, formatPercent } from '../../ui/format';
import { PropertyList } from '../../ui/PropertyList';
import { localDateTime, platformOf, sourceText } from './deliveryText';
import { fileKey } from './downloadText';
import { FileDownload } from './FileDownload';
import type { DownloadAction } from './useDownloads';
import { QuicklookStatus } from '../../ui/QuicklookStatus';
import type { QuicklookState } from './useDeliveriesOnMap';

/**
 * The selected product: where it came from, its key facts, its files with their downloads, the
 * quicklook's state and every provider property (from the stored product, so offline too).
 */
export function DeliveryDetail(props: {
  product: DeliveredProduct;
  latest: ReadonlyMap<string, Download>;
  place: DownloadPlace | null;
  offline: OfflineInfo | null;
  quicklook: QuicklookState | null;
  quicklookLoading: boolean;
  onZoom(): void;
  onStart(productId: string, fileId?: string): Promise<void>;
  onAct(action: DownloadAction, downloadId: string): Promise<void>;
  onAskCancel(download: Download, file: DeliveredFile): void;
  /** Shows the order or tasking the product came from in its own section (App wires it). */
  onOpenSource?(source: DeliverySource, accountId: string): void;
}) {
  const p = props.product;
  const downloads = p.files.map((f) => props.latest.get(fileKey(p.id, f.fileId)));
  const startable = downloads.filter((d) => !d || d.status === 'cancelled' || d.status === 'failed').length;
  const titleId = 'delivery-detail-title';
  return (
    <section className="card dl-detail" aria-labelledby={titleId}>
      <h3 id={titleId} className="dl-detail__title" title={p.title}>{p.title}</h3>
      <p className={`dl-source${p.source ? '' : ' is-unmatched'}`} aria-label="Came from">
        {p.source ? `From ${sourceText(p)}` : sourceText(p)}
        {p.source && props.onOpenSource && (
          <>
            {' '}
            <button type="button" className="link-button" onClick={() => props.onOpenSource?.(p.source!, p.accountId)}>
              Open {p.source.kind === 'order' ? 'in Orders' : 'in Tasking'}
            </button>
          </>
        )}
      </p>
      <dl className="facts dl-facts" aria-label="Product summary">
        <div><dt>Platform</dt><dd>{platformOf(p)}{p.constellation && p.platform ? ` (${p.constellation})` : ''}</dd></div>
        <div><dt>Acquired</dt><dd>{localDateTime(p.acquisitionDate)}</dd></div>
        <div><dt>Delivered</dt><dd>{localDateTime(p.publicationDate)}</dd></div>
        <div><dt>Level</dt><dd>{p.processingLevel ?? '—'}{p.productType ? ` · ${p.productType}` : ''}</dd></div>
        <div><dt>Cloud · incidence</dt><dd>{formatPercent(p.cloudCover, 1)} · {formatAngle(p.incidenceAngle)}</dd></div>
        <div><dt>Resolution</dt><dd>{formatMetres(p.resolution)}</dd></div>
        <div><dt>Reference</dt><dd className="mono" title={p.customerReference ?? undefined}>{p.customerReference ?? '—'}</dd></div>
        <div><dt>Product id</dt><dd className="mono" title={p.id}>{p.id}</dd></div>
      </dl>
      <QuicklookStatus loading={props.quicklookLoading} quicklook={props.quicklook} className="dl-small-text" />
      <div className="dl-detail__actions">
        <button type="button" className="button dl-small" onClick={props.onZoom}>Zoom to</button>
        {p.files.length > 1 && startable > 0 && (
          <button type="button" className="button primary dl-small" {...needsProvider(props.offline)} onClick={() => void props.onStart(p.id)}>
            Download all {p.files.length} files
          </button>
        )}
      </div>
      <h4 className="dl-subhead" id="delivery-files-title">Files ({p.files.length})</h4>
      {p.files.length === 0 ? (
        <p className="hint">The provider gave no download link for this product.</p>
      ) : (
        <ul className="dl-files" aria-labelledby="delivery-files-title">
          {p.files.map((f, i) => (
            <FileDownload
              key={f.fileId}
              productId={p.id}
              file={f}
              download={downloads[i]}
              place={props.place}
              offline={props.offline}
              onStart={props.onStart}
              onAct={props.onAct}
              onAskCancel={props.onAskCancel}
            />
          ))}
        </ul>
      )}
      <details className="dl-props">
        <summary>All properties ({Object.keys(p.properties).length})</summary>
        <PropertyList properties={p.properties} label="All product properties" className="dl-props__list" />
      </details>
    </section>
  );
}
