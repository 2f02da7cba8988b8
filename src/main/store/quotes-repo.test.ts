import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PriceQuote } from '../../shared/domain/archive';
import { draft, tempDatabase } from './archive-test-fixtures';
import { openDatabase } from './database';
import { createQuotesRepo, type NewQuotation, type QuotesRepo } from './quotes-repo';

let t: ReturnType<typeof tempDatabase>;
let repo: QuotesRepo;
beforeEach(() => {
  t = tempDatabase();
  repo = createQuotesRepo(t.db);
});
afterEach(() => t.cleanup());

const quote = (id: string, createdAt: string): PriceQuote => ({
  id,
  currency: 'EUR',
  lines: [{ productTypeId: 'PHR_BUNDLE', areaKm2: 25, amount: 437.5 }],
  discountPercentage: 10,
  discountValue: 43.75,
  totalAmount: 393.75,
  creditRemaining: 5000,
  createdAt,
});
const quotation = (over: Partial<NewQuotation> = {}): NewQuotation => ({
  quotationId: 'Q-1',
  accountId: 'acc-1',
  contractId: 'c-1',
  customerReference: 'REF-1',
  status: 'sent',
  currency: 'EUR',
  discountPercentage: 0,
  discountValue: 0,
  totalAmount: 1800,
  rejectionReasonId: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  ...over,
});

describe('quotes repo: price quotes', () => {
  it('keeps each price with its basket, newest first per account', () => {
    repo.savePriceQuote(quote('p1', '2025-01-01T00:00:00.000Z'), draft(), { raw: true });
    repo.savePriceQuote(quote('p2', '2025-01-02T00:00:00.000Z'), draft({ customerReference: 'R2' }), { raw: true });
    repo.savePriceQuote(quote('p3', '2025-01-03T00:00:00.000Z'), draft({ accountId: 'acc-2' }), {});
    expect(repo.getPriceQuote('p1')).toEqual({ quote: quote('p1', '2025-01-01T00:00:00.000Z'), draft: draft() });
    expect(repo.listPriceQuotes('acc-1').map((q) => q.quote.id)).toEqual(['p2', 'p1']);
    expect(repo.listPriceQuotes('acc-1', 1)).toHaveLength(1);
    expect(repo.getPriceQuote('nope')).toBeUndefined();
  });
});

describe('quotes repo: quotations', () => {
  it('saves a quotation, refreshes its terms without losing the PDF, and lists newest first', () => {
    expect(repo.saveQuotation(quotation(), draft(), { id: 'Q-1' })).toEqual({ ...quotation(), pdfStored: false });
    const pdf = Buffer.from('%PDF-1.7 quotation');
    expect(repo.storeQuotationPdf('Q-1', pdf, '2025-01-02T00:00:00.000Z')).toBe(true);
    const refreshed = repo.saveQuotation(quotation({ totalAmount: 1700, updatedAt: '2025-01-03T00:00:00.000Z' }), draft(), {});
    expect(refreshed).toMatchObject({ totalAmount: 1700, pdfStored: true, updatedAt: '2025-01-03T00:00:00.000Z' });
    repo.saveQuotation(quotation({ quotationId: 'Q-2', createdAt: '2025-02-01T00:00:00.000Z' }), draft(), {});
    repo.saveQuotation(quotation({ quotationId: 'Q-3', accountId: 'acc-2' }), draft(), {});
    expect(repo.listQuotations().map((q) => q.quotationId)).toEqual(['Q-2', 'Q-3', 'Q-1']);
    expect(repo.listQuotations('acc-1').map((q) => q.quotationId)).toEqual(['Q-2', 'Q-1']);
    expect(repo.getQuotationDraft('Q-1')).toEqual(draft());
  });

  it('stores the PDF bytes exactly, readable after a restart', () => {
    repo.saveQuotation(quotation(), draft(), {});
    expect(repo.getQuotationPdf('Q-1')).toBeUndefined();
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100_000, 7)]);
    repo.storeQuotationPdf('Q-1', new Uint8Array(pdf), '2025-01-02');
    expect(repo.storeQuotationPdf('missing', pdf, '2025-01-02')).toBe(false);
    t.db.close();
    const again = createQuotesRepo(openDatabase(t.file));
    expect(Buffer.compare(again.getQuotationPdf('Q-1') ?? Buffer.alloc(0), pdf)).toBe(0);
    expect(again.getQuotation('Q-1')?.pdfStored).toBe(true);
  });

  it('accepts or refuses with a reason, and refuses a refusal without one', () => {
    repo.saveQuotation(quotation(), draft(), {});
    expect(repo.setQuotationStatus('Q-1', 'refused', 3, '2025-01-05')).toMatchObject({ status: 'refused', rejectionReasonId: 3, updatedAt: '2025-01-05' });
    expect(repo.setQuotationStatus('Q-1', 'accepted', 3, '2025-01-06')).toMatchObject({ status: 'accepted', rejectionReasonId: null });
    expect(() => repo.setQuotationStatus('Q-1', 'refused', null, '2025-01-07')).toThrow(/rejection reason/);
    expect(() => repo.setQuotationStatus('Q-1', 'refused', 9, '2025-01-07')).toThrow(/CHECK/);
    expect(repo.getQuotation('Q-1')?.status).toBe('accepted');
    expect(repo.setQuotationStatus('missing', 'accepted', null, '2025-01-07')).toBeUndefined();
  });
});
