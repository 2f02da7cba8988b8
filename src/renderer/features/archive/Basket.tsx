import type { ListedScene } from '../../../shared/domain/archive';
import { formatCoverage, formatDay, formatPercent } from '../../ui/format';

/** The scenes to order, each removable; the empty state says how to fill it. */
export function BasketList(props: { scenes: ListedScene[]; onRemove(id: string): void; onSelect(id: string): void; onClear(): void }) {
  if (props.scenes.length === 0) {
    return <p className="empty">The basket is empty. Select a result and press “Add to basket” (or Space in the list).</p>;
  }
  return (
    <div className="archive-basket">
      <ul className="archive-basket__list" aria-label="Basket">
        {props.scenes.map((s) => (
          <li key={s.id} className="archive-basket__item">
            <button className="link-button" aria-label={`Show ${s.satellite} ${formatDay(s.acquisitionDate)}`} onClick={() => props.onSelect(s.id)}>
              {formatDay(s.acquisitionDate)} {s.satellite || s.constellation}
            </button>
            <span className="muted">
              {formatPercent(s.cloudCover)} cloud · {formatCoverage(s.aoiCoverage)} AOI
            </span>
            <button className="button archive-small" aria-label={`Remove ${s.satellite} ${formatDay(s.acquisitionDate)} from basket`} onClick={() => props.onRemove(s.id)}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <button className="button" onClick={props.onClear}>
        Empty basket
      </button>
    </div>
  );
}
