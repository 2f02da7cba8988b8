import type { Database } from 'better-sqlite3';
import { AttemptSchema, AttemptSetSchema, FeasibilitySchema, TaskingDraftSchema, TaskingPriceSchema } from '../../shared/domain/tasking';
import type { Attempt, AttemptSet, Feasibility, TaskingDraft, TaskingPrice } from '../../shared/domain/tasking';

/**
 * What a tasking order is built from, kept so an order follows exactly what the user saw: feasibility
 * answers, attempts (with the provider's segment key untouched) and prices. Rows are read back through
 * the domain schemas: one an older version wrote that no longer fits reads as missing.
 */

const json = (v: unknown): string => JSON.stringify(v ?? null);

export function createTaskingRequestsRepo(db: Database) {
  const insFeasibility = db.prepare(
    'INSERT INTO tasking_feasibilities (id, account_id, contract_id, product_type_id, json, raw, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const oneFeasibility = db.prepare<[string], { json: string }>('SELECT json FROM tasking_feasibilities WHERE id = ?');
  const insSet = db.prepare('INSERT INTO tasking_attempt_sets (id, account_id, contract_id, product_type_id, json, raw, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insAttempt = db.prepare('INSERT INTO tasking_attempts (id, set_id, position, segment_id, segment_key, order_deadline, json) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const oneAttempt = db.prepare<[string], { json: string; segment_key: string; set_json: string }>(
    'SELECT a.json, a.segment_key, s.json AS set_json FROM tasking_attempts a JOIN tasking_attempt_sets s ON s.id = a.set_id WHERE a.id = ?',
  );
  const insPrice = db.prepare('INSERT INTO tasking_prices (id, account_id, draft, price, raw, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const onePrice = db.prepare<[string], { draft: string; price: string }>('SELECT draft, price FROM tasking_prices WHERE id = ?');

  const saveSet = db.transaction((set: AttemptSet, contractId: string, raw: unknown) => {
    const { attempts, ...head } = set;
    insSet.run(set.id, set.accountId, contractId, set.productTypeId, json(head), json(raw), set.createdAt);
    attempts.forEach((a, i) => insAttempt.run(a.id, set.id, i, a.segmentId, a.segmentKey, a.orderDeadline, json(a)));
  });

  return {
    saveFeasibility(f: Feasibility, raw: unknown): void {
      insFeasibility.run(f.id, f.accountId, f.contractId, f.productTypeId, json(f), json(raw), f.createdAt);
    },
    getFeasibility(id: string): Feasibility | undefined {
      const row = oneFeasibility.get(id);
      const parsed = row && FeasibilitySchema.safeParse(JSON.parse(row.json));
      return parsed?.success ? parsed.data : undefined;
    },
    saveAttemptSet: (set: AttemptSet, contractId: string, raw: unknown): void => saveSet(set, contractId, raw),
    /** One attempt with the answer it came from (its query, programming type, account). */
    getAttempt(id: string): { attempt: Attempt; set: Omit<AttemptSet, 'attempts'> } | undefined {
      const row = oneAttempt.get(id);
      if (!row) return undefined;
      const attempt = AttemptSchema.safeParse(JSON.parse(row.json));
      const set = AttemptSetSchema.omit({ attempts: true }).safeParse(JSON.parse(row.set_json));
      if (!attempt.success || !set.success) return undefined;
      // The key column is the one written from the provider's string; the JSON copy must agree.
      return { attempt: { ...attempt.data, segmentKey: row.segment_key }, set: set.data };
    },
    savePrice(price: TaskingPrice, draft: TaskingDraft, accountId: string, raw: unknown): void {
      insPrice.run(price.id, accountId, json(draft), json(price), json(raw), price.createdAt);
    },
    getPrice(id: string): { price: TaskingPrice; draft: TaskingDraft } | undefined {
      const row = onePrice.get(id);
      if (!row) return undefined;
      const price = TaskingPriceSchema.safeParse(JSON.parse(row.price));
      const draft = TaskingDraftSchema.safeParse(JSON.parse(row.draft));
      return price.success && draft.success ? { price: price.data, draft: draft.data } : undefined;
    },
  };
}
export type TaskingRequestsRepo = ReturnType<typeof createTaskingRequestsRepo>;
