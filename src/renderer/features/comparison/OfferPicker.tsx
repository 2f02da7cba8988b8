import type { ComparisonCandidate } from '../../../shared/domain/comparison';
import { contractKey, groupCandidates, offerKey } from './comparisonRows';

/**
 * The offers that can be compared, one fieldset per provider account: its archive products (one per
 * scene) and its tasking product types, each a checkbox. "All" / "None" per group keep long lists quick.
 */
export function OfferPicker(props: { candidates: readonly ComparisonCandidate[]; contractNames: ReadonlyMap<string, string>; ticked: ReadonlySet<string>; onChange(keys: string[], on: boolean): void }) {
  const groups = groupCandidates(props.candidates);
  return (
    <div className="compare-picker">
      {groups.map((g) => {
        const keys = [...g.archive, ...g.tasking].map((c) => offerKey(c.offer));
        const count = keys.filter((k) => props.ticked.has(k)).length;
        const contract = props.contractNames.get(contractKey(g.accountId, g.contractId)) ?? g.contractId;
        const name = `${g.title}, ${contract}`;
        return (
          <fieldset key={contractKey(g.accountId, g.contractId)} className="fieldset compare-group">
            <legend>
              {g.title}
              <span className="visually-hidden">, contract </span>
              <span className="compare-group__contract">{contract}</span>
            </legend>
            <div className="compare-group__actions">
              <span className="compare-group__count">{count} of {keys.length} ticked</span>
              <button type="button" className="link-button compare-link" aria-label={`All offers of ${name}`} onClick={() => props.onChange(keys, true)} disabled={count === keys.length}>All</button>
              <button type="button" className="link-button compare-link" aria-label={`None of the offers of ${name}`} onClick={() => props.onChange(keys, false)} disabled={count === 0}>None</button>
            </div>
            <OfferList title="Archive" items={g.archive} ticked={props.ticked} onChange={props.onChange} />
            <OfferList title="Tasking" items={g.tasking} ticked={props.ticked} onChange={props.onChange} />
          </fieldset>
        );
      })}
    </div>
  );
}

function OfferList(props: { title: string; items: readonly ComparisonCandidate[]; ticked: ReadonlySet<string>; onChange(keys: string[], on: boolean): void }) {
  if (props.items.length === 0) return null;
  return (
    <div className="compare-list" role="group" aria-label={props.title}>
      <p className="compare-list__title">{props.title}</p>
      {props.items.map((c) => {
        const key = offerKey(c.offer);
        return (
          <label key={key} className="checkbox compare-offer">
            <input type="checkbox" checked={props.ticked.has(key)} onChange={(e) => props.onChange([key], e.target.checked)} />
            <span className="compare-offer__text">
              {c.label.product}
              {c.offer.kind === 'tasking' && !c.label.product.toLowerCase().includes(c.label.type.toLowerCase()) && <span className="compare-offer__type"> · {c.label.type}</span>}
            </span>
          </label>
        );
      })}
    </div>
  );
}
