import { memo, useCallback, useState, type KeyboardEvent } from 'react';
import type { DeliveredProduct } from '../../../shared/domain/deliveries';
import { nextIndex } from '../../ui/listKeys';
import { localDateTime, platformOf, sourceText } from './deliveryText';

/** Rows a Page key moves by: about what the narrow panel shows. */
const PAGE_ROWS = 4;
const optionId = (id: string) => `delivery-${id.replace(/[^\w-]/g, '_')}`;

/** One product; memoised, so a download's progress re-renders its own row only (its `files` text changes). */
const DeliveryRow = memo(function DeliveryRow(props: {
  product: DeliveredProduct;
  files: string;
  selected: boolean;
  hovered: boolean;
  active: boolean;
  onHover(id: string | null): void;
  onSelect(id: string): void;
}) {
  const { product: p, files } = props;
  const classes = ['dl-row', props.selected && 'is-selected', props.hovered && 'is-hovered', props.active && 'is-active', !p.source && 'is-unmatched'];
  return (
    <div
      id={optionId(p.id)}
      role="option"
      aria-selected={props.selected}
      className={classes.filter(Boolean).join(' ')}
      onMouseEnter={() => props.onHover(p.id)}
      onClick={() => props.onSelect(p.id)}
    >
      {/* The name is the row's own text, read in the order shown (WCAG 2.5.3: say what you see). */}
      <span className="dl-row__title" title={p.title}>{p.title}</span>{' '}
      <span className="dl-row__meta">
        {platformOf(p)} · {localDateTime(p.acquisitionDate)}
        {p.processingLevel && <> <span className="dl-level">{p.processingLevel}</span></>}
      </span>{' '}
      <span className="dl-row__source" title={sourceText(p)}>{sourceText(p)}</span>{' '}
      <span className="dl-row__files">{files}</span>
    </div>
  );
});

/**
 * The delivered products as a listbox: arrows, Page keys, Home and End move the active row (highlighted
 * on the map too), Enter selects it (zooms there and drapes its quicklook). Hover is shared with the map.
 */
export function DeliveryList(props: {
  products: readonly DeliveredProduct[];
  filesOf: (product: DeliveredProduct) => string;
  selectedId: string | null;
  hoveredId: string | null;
  label: string;
  onHover(id: string | null): void;
  onSelect(id: string): void;
}) {
  const { products, selectedId, onSelect } = props;
  const [activeId, setActiveId] = useState<string | null>(null);
  // Stable, so memoised rows are not re-rendered by a new callback on every poll.
  const choose = useCallback(
    (id: string) => {
      setActiveId(id);
      onSelect(id);
    },
    [onSelect],
  );
  const activeIndex = products.findIndex((p) => p.id === (activeId ?? selectedId));
  const active = products[activeIndex];

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if ((e.key === 'Enter' || e.key === ' ') && active) {
      e.preventDefault();
      onSelect(active.id);
      return;
    }
    const next = nextIndex(e.key, activeIndex, products.length, PAGE_ROWS);
    const product = next === null ? undefined : products[next];
    if (!product) return;
    e.preventDefault();
    setActiveId(product.id);
    props.onHover(product.id);
    document.getElementById(optionId(product.id))?.scrollIntoView({ block: 'nearest' });
  };

  return (
    <div
      className="dl-list"
      role="listbox"
      tabIndex={0}
      aria-label={props.label}
      aria-activedescendant={active ? optionId(active.id) : undefined}
      aria-description="Arrow keys move, Enter selects: the map zooms to the product and shows its quicklook."
      onKeyDown={onKeyDown}
      onMouseLeave={() => props.onHover(null)}
    >
      {products.map((p) => (
        <DeliveryRow
          key={p.id}
          product={p}
          files={props.filesOf(p)}
          selected={p.id === selectedId}
          hovered={p.id === props.hoveredId}
          active={p.id === active?.id}
          onHover={props.onHover}
          onSelect={choose}
        />
      ))}
    </div>
  );
}
