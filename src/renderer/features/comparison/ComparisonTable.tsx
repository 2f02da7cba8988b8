import { useState } from 'react';
import type { ComparisonRow } from '../../../shared/domain/comparison';
import { formatMoney, formatUtc } from '../../ui/format';
import { contractKey, DEFAULT_SORT, nextSort, offerKey, sortRows, type SortColumn, type SortOrder } from './comparisonRows';
import { areaText, localDateTime, minimumText, orderButtonName, pricedAt } from './comparisonText';

const COLUMNS: { id: SortColumn; label: string; numeric?: boolean }[] = [
  { id: 'provider', label: 'Provider' },
  { id: 'product', label: 'Product' },
  { id: 'type', label: 'Type' },
  { id: 'area', label: 'Area billed', numeric: true },
  { id: 'minimum', label: 'Minimum applied', numeric: true },
  { id: 'amount', label: 'Amount', numeric: true },
  { id: 'creditAfter', label: 'Credit left after', numeric: true },
  { id: 'earliest', label: 'Earliest acquisition' },
  { id: 'pricedAt', label: 'Priced' },
];
/** The cells a refusal sentence spans: from the area billed to the earliest acquisition. */
const FIGURE_COLUMNS = 5;

/**
 * Every price side by side. Headers sort (aria-sort says how); a failed row says its error across the
 * figures it could not give; each row orders through the normal flow; a price older than a day says so.
 */
export function ComparisonTable(props: {
  rows: readonly ComparisonRow[];
  caption: string;
  now: number;
  /** True while the table is being priced again. */
  busy: boolean;
  contractNames: ReadonlyMap<string, string>;
  onOrder(row: ComparisonRow): void;
}) {
  const [order, setOrder] = useState<SortOrder>(DEFAULT_SORT);
  const rows = sortRows(props.rows, order);
  return (
    <div className="compare-table-wrap" role="region" aria-label="Price comparison table" tabIndex={0} aria-busy={props.busy}>
      <table className="compare-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => {
              const sorted = order.column === c.id ? order.direction : undefined;
              return (
                <th key={c.id} scope="col" aria-sort={sorted ?? 'none'} className={c.numeric ? 'is-numeric' : undefined}>
                  <button type="button" className="compare-sort" onClick={() => setOrder((o) => nextSort(o, c.id))}>
                    {c.label}
                    <span aria-hidden="true" className="compare-sort__arrow">{sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '↕'}</span>
                  </button>
                </th>
              );
            })}
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <Row key={offerKey(row.offer)} row={row} now={props.now} contract={props.contractNames.get(contractKey(row.offer.accountId, row.offer.contractId)) ?? row.offer.contractId} onOrder={props.onOrder} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Row(props: { row: ComparisonRow; now: number; contract: string; onOrder(row: ComparisonRow): void }) {
  const { row } = props;
  const when = pricedAt(row.pricedAt, props.now);
  return (
    <tr className={row.error ? 'is-failed' : undefined}>
      <td>
        <span className="compare-provider">{row.label.provider}</span>
        <span className="compare-account">{row.label.accountName}</span>
        <span className="compare-account">{props.contract}</span>
      </td>
      <td className="compare-product">{row.label.product}</td>
      <td>{row.label.type}</td>
      {row.error ? (
        <td colSpan={FIGURE_COLUMNS} className="compare-refusal">
          <span className="mono compare-refusal__code">{row.error.code}</span> {row.error.message}
        </td>
      ) : (
        <>
          <td className="is-numeric">{areaText(row.areaBilledKm2)}</td>
          <td className="is-numeric">{minimumText(row)}</td>
          <td className="is-numeric compare-amount">{formatMoney(row.amount, row.currency)}</td>
          <td className="is-numeric">{row.creditAfter === null ? '—' : formatMoney(row.creditAfter, row.currency)}</td>
          <td>{row.earliestAcquisition ? <time dateTime={row.earliestAcquisition} title={formatUtc(row.earliestAcquisition)}>{localDateTime(row.earliestAcquisition)}</time> : '—'}</td>
        </>
      )}
      <td>
        <time dateTime={row.pricedAt} title={when.exact}>{when.relative}</time>
        {when.stale && <span className="compare-stale" title="Priced more than a day ago: price again before relying on it">stale</span>}
      </td>
      <td>
        <button type="button" className="button compare-order" aria-label={orderButtonName(row)} onClick={() => props.onOrder(row)}>
          Order…
        </button>
      </td>
    </tr>
  );
}
