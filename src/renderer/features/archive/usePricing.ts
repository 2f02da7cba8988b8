import { useCallback, useMemo, useState } from 'react';
import type { OrderDraft, PriceQuote, Quotation } from '../../../shared/domain/archive';
import { call } from '../../api/client';
import { errorOf, type ShownError } from '../../api/errors';
import type { OfflineState } from '../../api/useOffline';

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
  // The last refusal with the draft it answered: shown beside the field it blames only while that
  // draft is the one on screen (editing the field makes it moot), unlike `error`, which stays.
  const [refusal, setRefusal] = useState<{ key: string; error: ShownError } | null>(null);
  const [running, setRunning] = useState(false);
  const key = keyOf(draft);
  const { observeError } = offline;

  const run = useCallback(
    async (work: (d: OrderDraft) => Promise<void>) => {
      if (!draft) return;
      setRunning(true);
      setError(null);
      setRefusal(null);
      try {
        await work(draft);
      } catch (err) {
        const shown = errorOf(err);
        setError(shown);
        setRefusal({ key: keyOf(draft), error: shown });
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
    setRefusal(null);
  }, []);
  /** An order refused in the confirmation dialog: its field (a duplicate reference…) is marked too. */
  const orderFailed = useCallback((d: OrderDraft, shown: ShownError) => setRefusal({ key: keyOf(d), error: shown }), []);
  const updateQuotation = useCallback((q: Quotation) => setQuotation((cur) => (cur ? { ...cur, quotation: q } : cur)), []);

  return useMemo(
    () => ({
      quote: quote?.quote ?? null,
      quoteStale: !!quote && quote.key !== key,
      quotation: quotation?.quotation ?? null,
      quotationStale: !!quotation && quotation.key !== key,
      error,
      fieldError: refusal && refusal.key === key ? refusal.error : null,
      running,
      price,
      requestQuotation,
      reset,
      updateQuotation,
      orderFailed,
    }),
    [quote, quotation, key, error, refusal, running, price, requestQuotation, reset, updateQuotation, orderFailed],
  );
}
export type Pricing = ReturnType<typeof usePricing>;
