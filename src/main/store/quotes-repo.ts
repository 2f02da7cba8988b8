import type { Database } from 'better-sqlite3';
import type { OrderDraft, PriceQuote, Quotation } from '../../shared/domain/archive';

/** A price as shown, with the basket it was asked for (so "order at this price" can be rebuilt offline). */
export interface StoredPriceQuote {
  quote: PriceQuote;
  draft: OrderDraft;
}

/** A quotation as the provider sent it; whether its PDF is stored is the store's business. */
export type NewQuotation = Omit<Quotation, 'pdfStored'>;

interface QuotationRow {
  quotation_id: string;
  account_id: string;
  contract_id: string;
  customer_reference: string;
  status: Quotation['status'];
  currency: string;
  discount_percentage: number;
  discount_value: number;
  total_amount: number;
  rejection_reason_id: number | null;
  created_at: string;
  updated_at: string;
  pdf_stored: number;
}

// Never selects the PDF itself: lists stay light; the bytes are read only when the user opens one.
const QUOTATION_COLUMNS = `quotation_id, account_id, contract_id, customer_reference, status, currency,
  discount_percentage, discount_value, total_amount, rejection_reason_id, created_at, updated_at,
  pdf IS NOT NULL AS pdf_stored`;

const toQuotation = (r: QuotationRow): Quotation => ({
  quotationId: r.quotation_id,
  accountId: r.account_id,
  contractId: r.contract_id,
  customerReference: r.customer_reference,
  status: r.status,
  currency: r.currency,
  discountPercentage: r.discount_percentage,
  discountValue: r.discount_value,
  totalAmount: r.total_amount,
  rejectionReasonId: r.rejection_reason_id,
  pdfStored: r.pdf_stored === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toStoredQuote = (r: { quote: string; draft: string }): StoredPriceQuote => ({
  quote: JSON.parse(r.quote) as PriceQuote,
  draft: JSON.parse(r.draft) as OrderDraft,
});

export function createQuotesRepo(db: Database) {
  const insertQuote = db.prepare<[string, string, string, string, string, string]>(
    'INSERT INTO price_quotes (id, account_id, draft, quote, raw, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const oneQuote = db.prepare<[string], { quote: string; draft: string }>('SELECT quote, draft FROM price_quotes WHERE id = ?');
  const quotes = db.prepare<[string, number], { quote: string; draft: string }>(
    'SELECT quote, draft FROM price_quotes WHERE account_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?',
  );
  // A provider refresh of a known quotation updates its terms but keeps the PDF already downloaded.
  const upsertQuotation = db.prepare(
    `INSERT INTO quotations (quotation_id, account_id, contract_id, customer_reference, status, currency,
       discount_percentage, discount_value, total_amount, rejection_reason_id, draft, raw, created_at, updated_at)
     VALUES (@quotationId, @accountId, @contractId, @customerReference, @status, @currency, @discountPercentage,
       @discountValue, @totalAmount, @rejectionReasonId, @draft, @raw, @createdAt, @updatedAt)
     ON CONFLICT (quotation_id) DO UPDATE SET status = excluded.status, currency = excluded.currency,
       discount_percentage = excluded.discount_percentage, discount_value = excluded.discount_value,
       total_amount = excluded.total_amount, rejection_reason_id = excluded.rejection_reason_id,
       raw = excluded.raw, updated_at = excluded.updated_at`,
  );
  const oneQuotation = db.prepare<[string], QuotationRow>(`SELECT ${QUOTATION_COLUMNS} FROM quotations WHERE quotation_id = ?`);
  const quotations = db.prepare<[{ account: string | null; limit: number }], QuotationRow>(
    `SELECT ${QUOTATION_COLUMNS} FROM quotations WHERE @account IS NULL OR account_id = @account
     ORDER BY created_at DESC, rowid DESC LIMIT @limit`,
  );
  const draftOf = db.prepare<[string], string>('SELECT draft FROM quotations WHERE quotation_id = ?').pluck();
  const setStatus = db.prepare<[Quotation['status'], number | null, string, string]>(
    'UPDATE quotations SET status = ?, rejection_reason_id = ?, updated_at = ? WHERE quotation_id = ?',
  );
  const setPdf = db.prepare<[Buffer, string, string]>('UPDATE quotations SET pdf = ?, updated_at = ? WHERE quotation_id = ?');
  const pdfOf = db.prepare<[string], Buffer | null>('SELECT pdf FROM quotations WHERE quotation_id = ?').pluck();

  const getQuotation = (id: string): Quotation | undefined => {
    const row = oneQuotation.get(id);
    return row ? toQuotation(row) : undefined;
  };

  return {
    savePriceQuote(quote: PriceQuote, draft: OrderDraft, raw: unknown): void {
      insertQuote.run(quote.id, draft.accountId, JSON.stringify(draft), JSON.stringify(quote), JSON.stringify(raw ?? null), quote.createdAt);
    },
    getPriceQuote(id: string): StoredPriceQuote | undefined {
      const row = oneQuote.get(id);
      return row ? toStoredQuote(row) : undefined;
    },
    /** Newest first. */
    listPriceQuotes: (accountId: string, limit = 50): StoredPriceQuote[] => quotes.all(accountId, limit).map(toStoredQuote),

    saveQuotation(q: NewQuotation, draft: OrderDraft, raw: unknown): Quotation {
      upsertQuotation.run({ ...q, draft: JSON.stringify(draft), raw: JSON.stringify(raw ?? null) });
      return getQuotation(q.quotationId) as Quotation;
    },
    getQuotation,
    /** Newest first; all accounts unless one is given. */
    listQuotations: (accountId: string | null = null, limit = 100): Quotation[] => quotations.all({ account: accountId, limit }).map(toQuotation),
    getQuotationDraft(id: string): OrderDraft | undefined {
      const json = draftOf.get(id);
      return json === undefined ? undefined : (JSON.parse(json) as OrderDraft);
    },
    /** A refusal carries its reason (1..7); accepting or re-sending clears it. */
    setQuotationStatus(id: string, status: Quotation['status'], rejectionReasonId: number | null, at: string): Quotation | undefined {
      if (status === 'refused' && rejectionReasonId === null) throw new Error('a refused quotation needs a rejection reason');
      setStatus.run(status, status === 'refused' ? rejectionReasonId : null, at, id);
      return getQuotation(id);
    },
    storeQuotationPdf(id: string, bytes: Uint8Array, at: string): boolean {
      return setPdf.run(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), at, id).changes > 0;
    },
    getQuotationPdf: (id: string): Buffer | undefined => pdfOf.get(id) ?? undefined,
  };
}
export type QuotesRepo = ReturnType<typeof createQuotesRepo>;
