import type { ListedScene } from '../../../shared/domain/archive';
import type { ShownError } from '../../api/errors';
import { ErrorNote } from '../../ui/ErrorNote';
import { BasketList } from './Basket';
import { OptionsForm } from '../../ui/purchase/OptionsForm';
import { OrderFields } from './OrderFields';
import type { OrderForm } from './useOrderForm';

/**
 * The basket and the order form generated from the product's catalogue. `refusal` is the provider's
 * last refusal of this draft (pricing or ordering), marked on the option or field it names.
 */
export function BasketStep(props: { scenes: ListedScene[]; form: OrderForm; refusal?: ShownError | null; onRemove(id: string): void; onSelect(id: string): void; onClear(): void }) {
  const { form } = props;
  return (
    <div className="form">
      <BasketList scenes={props.scenes} onRemove={props.onRemove} onSelect={props.onSelect} onClear={props.onClear} />
      {form.catalogue.loading && !form.catalogue.value ? (
        <p className="muted">Loading production options…</p>
      ) : form.catalogue.value ? (
        <>
          <OptionsForm evaluation={form.outcome.evaluation} refusal={props.refusal} onChange={form.setOption} />
          <OrderFields catalogue={form.loaded} values={form.values} outcome={form.outcome} notifies={form.notifies} refusal={props.refusal} onChange={form.patch} />
        </>
      ) : (
        !form.catalogue.error && <p className="muted">Choose a product type and an AOI to see its production options.</p>
      )}
      <ErrorNote error={form.catalogue.error} label="Production options could not be loaded" />
    </div>
  );
}
