import type { Scene } from '../../../shared/domain/archive';
import { BasketList } from './Basket';
import { ErrorNote } from './ErrorNote';
import { OptionsForm } from './OptionsForm';
import { OrderFields } from './OrderFields';
import type { OrderForm } from './useOrderForm';

/** The basket and the order form generated from the product's catalogue. */
export function BasketStep(props: { scenes: Scene[]; form: OrderForm; onRemove(id: string): void; onSelect(id: string): void; onClear(): void }) {
  const { form } = props;
  return (
    <div className="form">
      <BasketList scenes={props.scenes} onRemove={props.onRemove} onSelect={props.onSelect} onClear={props.onClear} />
      {form.catalogue.loading && !form.catalogue.value ? (
        <p className="muted">Loading production options…</p>
      ) : form.catalogue.value ? (
        <>
          <OptionsForm evaluation={form.outcome.evaluation} onChange={form.setOption} />
          <OrderFields catalogue={form.loaded} values={form.values} outcome={form.outcome} onChange={form.patch} />
        </>
      ) : (
        !form.catalogue.error && <p className="muted">Choose a product type and an AOI to see its production options.</p>
      )}
      <ErrorNote error={form.catalogue.error} label="Production options could not be loaded" />
    </div>
  );
}
