import type { ComparisonCandidate, ComparisonOffer, ComparisonRow } from '../../../shared/domain/comparison';

/**
 * Pure rules of the comparison table and picker: one key per offer, candidates grouped by provider and
 * account, and the table's sort. Failed rows always come last, whatever the column and direction: a
 * refusal is never "the cheapest".
 */

/** One stable key per offer (the picker's checkbox, the table's row, the "price again" merge). */
export function offerKey(offer: ComparisonOffer): string {
  const base = [offer.kind, offer.accountId, offer.contractId, offer.productTypeId];
  return (offer.kind === 'archive' ? [...base, offer.searchId, offer.sceneId] : base).join('|');
}

export interface CandidateGroup {
  /** "Airbus OneAtlas — Sandbox — OneAtlas": whose offers these are. */
  title: string;
  accountId: string;
  /** One fieldset per contract: two contracts may offer the same product at different terms. */
  contractId: string;
  archive: ComparisonCandidate[];
  tasking: ComparisonCandidate[];
}

/** Candidates by provider account and contract, in the order main listed them; archive before tasking within each. */
export function groupCandidates(candidates: readonly ComparisonCandidate[]): CandidateGroup[] {
  const groups = new Map<string, CandidateGroup>();
  for (const c of candidates) {
    const id = `${c.offer.accountId}|${c.offer.contractId}`;
    let group = groups.get(id);
    if (!group) {
      group = { title: `${c.label.provider} — ${c.label.accountName}`, accountId: c.offer.accountId, contractId: c.offer.contractId, archive: [], tasking: [] };
      groups.set(id, group);
    }
    group[c.offer.kind].push(c);
  }
  return [...groups.values()];
}

/** The key of a contract in the names map the picker and the table read. */
export const contractKey = (accountId: string, contractId: string): string => `${accountId}|${contractId}`;

export type SortColumn = 'provider' | 'product' | 'type' | 'area' | 'minimum' | 'amount' | 'creditAfter' | 'earliest' | 'pricedAt';
export interface SortOrder {
  column: SortColumn;
  direction: 'ascending' | 'descending';
}
export const DEFAULT_SORT: SortOrder = { column: 'amount', direction: 'ascending' };

type Key = string | number | null;
const KEY_OF: Record<SortColumn, (r: ComparisonRow) => Key> = {
  provider: (r) => `${r.label.provider} ${r.label.accountName}`,
  product: (r) => r.label.product,
  type: (r) => r.label.type,
  area: (r) => r.areaBilledKm2,
  minimum: (r) => r.minimumAppliedKm2,
  amount: (r) => r.amount,
  creditAfter: (r) => r.creditAfter,
  earliest: (r) => (r.earliestAcquisition ? Date.parse(r.earliestAcquisition) : null),
  pricedAt: (r) => Date.parse(r.pricedAt),
};

const compareKeys = (a: Key, b: Key): number => {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { numeric: true, sensitivity: 'base' });
};

/**
 * The rows in the asked order. Failed rows, then rows without a value in that column, go last in
 * either direction; ties keep a stable order by amount, then by product.
 */
export function sortRows(rows: readonly ComparisonRow[], order: SortOrder): ComparisonRow[] {
  const keyOf = KEY_OF[order.column];
  const sign = order.direction === 'ascending' ? 1 : -1;
  const rank = (r: ComparisonRow) => (r.error ? 2 : keyOf(r) === null ? 1 : 0);
  return [...rows].sort((a, b) => {
    const byRank = rank(a) - rank(b);
    if (byRank !== 0) return byRank;
    if (rank(a) === 0) {
      const byKey = sign * compareKeys(keyOf(a), keyOf(b));
      if (byKey !== 0) return byKey;
    }
    return compareKeys(a.amount, b.amount) || compareKeys(a.label.product, b.label.product);
  });
}

/** Clicking a column header: a new column starts ascending, the same column flips. */
export const nextSort = (current: SortOrder, column: SortColumn): SortOrder =>
  current.column === column ? { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' } : { column, direction: 'ascending' };

/** The currencies of the priced rows: more than one means amounts are not directly comparable. */
export const currenciesOf = (rows: readonly ComparisonRow[]): string[] =>
  [...new Set(rows.filter((r) => !r.error && r.currency).map((r) => r.currency as string))].sort();
