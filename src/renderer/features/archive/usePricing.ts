import { useCallback, useMemo, useState } from 'react';
import type { OrderDraft, PriceQuote, Quotation } from '../../../shared/domain/archive';
import { call } from '../../api/client';
import { errorOf, type ShownError } from './errors';
import type { OfflineState } from './useOffline';

const keyOf = (draft: OrderDraft | null) => (draft ? JSON.stringify(draft) : '');

/**
 * The price (or quotation) of the current draft. Each answer is kept with the draft it answered, so
 * changing an option after pricing makes the price stale (and the Order button unavailable) until it
 * is priced again: nothing is ever ordered at a price shown for something else.
 */
export function usePricing(draft: OrderDraft | null, track: <T>(w: Promise<T>) => Promise<T>, offline: OfflineState) {
  const [quote, setQuote] = useState<{ key: string; quote: PriceQuote } | null>(null);
  const [quotation, setQuotation] = useState<{ key: string; quotation: Quotation } | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [running, setRunning] = useState(false);
  const key = keyOf(draft);
  const { observeError } = offline;

  const run = useCallback(
    async (work: (d: OrderDraft) => Promise<void>) => {
      if (!draft) return;
      setRunning(true);
      setError(null);
      try {
        await work(draft);
      } catch (err) {
        setError(errorOf(err));
        observeError(err);
      } finally {
        setRunning(false);
      }
    },
    [draft, observeError],
  );

  const price = useCallback(() => run(async (d) => setQuote({ key: keyOf(d), quote: await track(call('archive.price', d)) })), [run, track]);
  const requestQuotation = useCallback(
    () => run(async (d) => setQuotation({ key: keyOf(d), quotation: await track(call('quotations.request', d)) })),
    [run, track],
  );
  /** After an order the quote is spent: the next order needs a fresh price (and reference). */
  const reset = useCallback(() => {
    setQuote(null);
    setQuotation(null);
    setError(null);
  }, []);
  const updateQuotation = useCallback((q: Quotation) => setQuotation((cur) => (cur ? { ...cur, quotation: q } : cur)), []);

  return useMemo(
    () => ({
      quote: quote?.quote ?? null,
      quoteStale: !!quote && quote.key !== key,
      quotation: quotation?.quotation ?? null,
      quotationStale: !!quotation && quotation.key !== key,
      error,
      running,
      price,
      requestQuotation,
      reset,
      updateQuotation,
    }),
    [quote, quotation, key, error, running, price, requestQuotation, reset, updateQuotation],
  );
}
export type Pricing = ReturnType<typeof usePricing>;
