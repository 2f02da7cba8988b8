import { useCallback, useMemo, useState } from 'react';
import type { ProductCatalogue } from '../../../shared/domain/archive';
import { projectionCodesOf } from '../../../shared/domain/option-constraints';
import { useChannel } from '../../api/useChannel';
import type { ProductContext } from '../../ui/minimumArea';
import type { OfflineState } from '../../api/useOffline';
import { newCustomerReference } from '../../ui/purchase/customerReference';
import { buildDraft, type DraftContext, type OrderFormValues } from './draft';

const NO_CHOICES: Record<string, string> = {};
const NO_CATALOGUE: ProductCatalogue = { options: [], deliveryTypes: [], primaryMarkets: [], secondaryMarkets: {}, countries: [] };

/**
 * The catalogue of the chosen product (options, delivery types, markets, countries) and the basket's
 * order form over it. Option choices belong to one product type: another product starts from its own
 * defaults rather than carrying values it may not offer.
 */
/**
 * `notificationEmail`: the account's address (asked once in Accounts) the form starts from, or null when
 * the provider takes no notification e-mails (GeoAPI).
 */
export function useOrderForm(
  ctx: Omit<DraftContext, 'notifies'> & { productLabel: string; minimumAreaKm2: number | null; notificationEmail: string | null },
  offline: OfflineState,
  track: <T>(w: Promise<T>) => Promise<T>,
) {
  const { observe, observeError } = offline;
  const hooks = useMemo(() => ({ track, onValue: observe, onError: observeError }), [track, observe, observeError]);
  const ready = ctx.accountId && ctx.contractId && ctx.productTypeId && ctx.aoiId;
  const catalogue = useChannel(
    'archive.catalogue',
    ready ? { accountId: ctx.accountId, contractId: ctx.contractId, productTypeId: ctx.productTypeId, aoiId: ctx.aoiId } : null,
    hooks,
  );
  const loaded = catalogue.value?.value ?? NO_CATALOGUE;

  const [rest, setRest] = useState<Omit<OrderFormValues, 'choices'>>(() => ({
    deliveryType: '',
    primaryMarket: '',
    secondaryMarket: '',
    country: '',
    customerReference: newCustomerReference(),
    notificationEmails: ctx.notificationEmail ?? '',
  }));
  // Another account brings its own address (unless the user typed one for this order).
  const { notificationEmail } = ctx;
  const [emailFrom, setEmailFrom] = useState(notificationEmail);
  if (emailFrom !== notificationEmail) {
    setEmailFrom(notificationEmail);
    setRest((r) => (r.notificationEmails === '' || r.notificationEmails === (emailFrom ?? '') ? { ...r, notificationEmails: notificationEmail ?? '' } : r));
  }
  const [picked, setPicked] = useState<{ productTypeId: string; choices: Record<string, string> }>({ productTypeId: '', choices: {} });
  const choices = picked.productTypeId === ctx.productTypeId ? picked.choices : NO_CHOICES;
  const values: OrderFormValues = useMemo(() => ({ ...rest, choices }), [rest, choices]);

  const setOption = useCallback(
    (name: string, value: string) =>
      setPicked((p) => ({ productTypeId: ctx.productTypeId, choices: { ...(p.productTypeId === ctx.productTypeId ? p.choices : {}), [name]: value } })),
    [ctx.productTypeId],
  );
  const patch = useCallback((change: Partial<OrderFormValues>) => setRest((r) => ({ ...r, ...change })), []);
  const renewReference = useCallback(() => setRest((r) => ({ ...r, customerReference: newCustomerReference() })), []);

  const { accountId, contractId, productTypeId, aoiId, searchId, sceneIds } = ctx;
  const outcome = useMemo(
    () => buildDraft({ accountId, contractId, productTypeId, aoiId, searchId, sceneIds, notifies: notificationEmail !== null }, loaded, values),
    [accountId, contractId, productTypeId, aoiId, searchId, sceneIds, notificationEmail, loaded, values],
  );

  const { productLabel, minimumAreaKm2 } = ctx;
  const productContext = useMemo<ProductContext | null>(
    () => (productTypeId ? { productLabel, minimumAreaKm2, projections: projectionCodesOf(loaded.options) } : null),
    [productTypeId, productLabel, minimumAreaKm2, loaded.options],
  );

  return { catalogue, loaded, values, setOption, patch, renewReference, outcome, productContext, notifies: notificationEmail !== null };
}
export type OrderForm = ReturnType<typeof useOrderForm>;
