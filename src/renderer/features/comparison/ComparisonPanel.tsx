import './comparison.css';
import { useEffect, useMemo, useState } from 'react';
import type { Aoi } from '../../../shared/domain/aoi';
import type { ComparisonOffer, ComparisonRow } from '../../../shared/domain/comparison';
import { needsProvider } from '../../api/useOffline';
import { isOffline } from '../../api/errors';
import { ErrorNote } from '../../ui/ErrorNote';
import { formatKm2, formatSince, formatUtc } from '../../ui/format';
import { ComparisonTable } from './ComparisonTable';
import { currenciesOf, offerKey } from './comparisonRows';
import { compareBlocker, compareLabel, pricingLabel, staleNote } from './comparisonText';
import { OfferPicker } from './OfferPicker';
import { useComparison, type ArchivePick } from './useComparison';
import { useContractNames } from './useContractNames';

/** The Archive section's basket as App hands it over: the scenes of one search, over one AOI. */
export type BasketPick = ArchivePick & { accountId: string };

/**
 * Compare prices for the active AOI: tick archive scenes (from the Archive basket) and tasking product
 * types across accounts, price them side by side, and open the normal order flow for one row. The last
 * table of the AOI shows at once, from the local store (offline too).
 */
export function ComparisonPanel(props: {
  aois: Aoi[];
  activeAoiId: string | null | undefined;
  /** The Archive section's basket, or null when it is empty. */
  basket: BasketPick | null;
  onOpenAois(): void;
  /** Opens the Archive or Tasking section's order flow on this offer, for this AOI. */
  onOrder(offer: ComparisonOffer, aoiId: string): void;
}) {
  const aoi = props.aois.find((a) => a.id === props.activeAoiId) ?? null;
  const basketHere = props.basket && aoi && props.basket.aoiId === aoi.id ? props.basket : null;
  const state = useComparison(aoi?.id ?? null, basketHere);
  const now = useMinuteClock();
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());

  const candidates = useMemo(() => state.candidates.value?.candidates ?? [], [state.candidates.value]);
  const shownAccounts = useMemo(
    () => [...candidates.map((c) => c.offer.accountId), ...(state.comparison?.rows.map((r) => r.offer.accountId) ?? [])],
    [candidates, state.comparison],
  );
  const contractNames = useContractNames(shownAccounts);
  // Only offers still offered count as ticked: another AOI or basket drops the others without a reset.
  const tickedOffers = useMemo(() => candidates.filter((c) => ticked.has(offerKey(c.offer))).map((c) => c.offer), [candidates, ticked]);
  const tick = (keys: string[], on: boolean) =>
    setTicked((cur) => {
      const next = new Set(cur);
      for (const k of keys) {
        if (on) next.add(k);
        else next.delete(k);
      }
      return next;
    });

  const blocker = compareBlocker({ hasAoi: !!aoi, ticked: tickedOffers.length, running: !!state.running });
  const comparison = state.comparison;
  const unreachable = [state.error, state.candidates.error].find(isOffline);
  const offline = !!unreachable;
  const againGate = needsProvider(unreachable ? { since: null, reason: unreachable.message } : null);
  const stale = comparison ? staleNote(comparison.rows, now) : null;
  const currencies = comparison ? currenciesOf(comparison.rows) : [];

  return (
    <section className="panel compare-panel" aria-labelledby="compare-title" aria-busy={!!state.running}>
      <header className="panel-header">
        <h2 id="compare-title">Compare prices</h2>
      </header>
      <div className="panel-body compare-body">
        {aoi ? (
          <div className="compare-aoi" role="group" aria-label="AOI compared">
            For <strong>{aoi.name}</strong> · {formatKm2(aoi.areaKm2)}
          </div>
        ) : (
          <div className="empty compare-empty">
            <p className="muted">Prices are compared for the active AOI, and none is active. Draw, import or choose one first.</p>
            <button type="button" className="button" onClick={props.onOpenAois}>Open AOIs</button>
          </div>
        )}

        {aoi && (
          <section className="compare-offers" aria-labelledby="compare-offers-title">
            <h3 id="compare-offers-title" className="compare-heading">Offers</h3>
            <ArchiveSourceLine basket={props.basket} aoi={aoi} aois={props.aois} />
            <p className="hint">Tasking: every tasking product type of your accounts, priced with the tasking form’s default parameters.</p>
            {state.candidates.loading && <p className="muted" role="status" aria-busy="true">Looking for offers…</p>}
            <ErrorNote error={state.candidates.error} label="Offers could not be listed" />
            {(state.candidates.value?.problems ?? []).map((p) => (
              <p key={p.accountName} className="banner banner-warn" role="status">{p.accountName}: {p.message}</p>
            ))}
            {state.candidates.value && candidates.length === 0 && <p className="empty">No offer to compare: add a OneAtlas or GeoAPI account, or scenes to the Archive basket.</p>}
            <OfferPicker candidates={candidates} contractNames={contractNames} ticked={ticked} onChange={tick} />
            <div className="form-actions compare-run">
              {blocker && !state.running && <p className="hint compare-run__why">{blocker}</p>}
              <button
                type="button"
                className="button primary"
                disabled={!!blocker}
                aria-description={blocker ?? undefined}
                aria-busy={!!state.running}
                onClick={() => void state.run(tickedOffers)}
              >
                {state.running ? pricingLabel(state.running.count) : compareLabel(tickedOffers.length)}
              </button>
            </div>
            {state.running && (
              <p className="compare-progress" role="status">
                <progress aria-label={pricingLabel(state.running.count)} /> {pricingLabel(state.running.count)}
              </p>
            )}
            <ErrorNote error={state.error} label="Comparison failed" />
          </section>
        )}

        {aoi && comparison && comparison.rows.length > 0 && (
          <section className="compare-result" aria-labelledby="compare-result-title">
            <div className="compare-result__head">
              <h3 id="compare-result-title" className="compare-heading">Prices</h3>
              <button
                type="button"
                className="button compare-again"
                {...againGate}
                disabled={againGate.disabled || !!state.running}
                aria-label={`Price again the ${comparison.rows.length} offers of this table`}
                onClick={() => void state.run(comparison.rows.map((r) => r.offer))}
              >
                Price again
              </button>
            </div>
            {state.fromStore && (
              <p className={`banner ${offline ? 'banner-warn' : 'banner-ok'}`} role="status">
                {offline ? 'Offline — showing' : 'Showing'} the last comparison for this AOI, stored {formatSince(comparison.createdAt, now)} ({formatUtc(comparison.createdAt)}).
              </p>
            )}
            {stale && <p className="banner banner-warn" role="status">{stale}</p>}
            {currencies.length > 1 && <p className="banner banner-warn" role="status">Amounts are in {currencies.join(' and ')}: compare them with the exchange rate in mind.</p>}
            <ComparisonTable
              rows={comparison.rows}
              caption={`${comparison.rows.length} offers for ${aoi.name} (${formatKm2(comparison.aoiAreaKm2)}), compared ${formatSince(comparison.createdAt, now)}`}
              now={now}
              busy={!!state.running}
              contractNames={contractNames}
              onOrder={(row: ComparisonRow) => props.onOrder(row.offer, comparison.aoiId)}
            />
            <p className="hint">Order… opens the Archive or Tasking section on that offer, where it is priced again with your options before anything is ordered.</p>
          </section>
        )}
      </div>
    </section>
  );
}

/** Where the archive offers come from, in one line. */
function ArchiveSourceLine(props: { basket: BasketPick | null; aoi: Aoi; aois: Aoi[] }) {
  const { basket, aoi } = props;
  if (!basket) return <p className="hint">Archive: add scenes to the basket in the Archive section to compare them here.</p>;
  if (basket.aoiId !== aoi.id) {
    const other = props.aois.find((a) => a.id === basket.aoiId)?.name ?? 'another AOI';
    return <p className="hint">Archive: the scenes in your basket were found over {other}; make it the active AOI to compare them.</p>;
  }
  const n = basket.sceneIds.length;
  return <p className="hint">Archive: the {n === 1 ? 'scene' : `${n} scenes`} in your basket, under each archive product that can order {n === 1 ? 'it' : 'them'}.</p>;
}

/** "3 min ago" and "stale" age: a clock that ticks once a minute is enough. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
