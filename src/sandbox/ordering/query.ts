import { FieldError } from '../accounts/errors';

/**
 * The `criteria.q` language of `/api/v2/orders/search`, as far as the guides use it: clauses
 * `(field:value)` joined by AND, `*` as a wildcard inside values (`customerReference:*my ref*`).
 * Field names are dotted paths into an order line; `cis.quotation` is the quotation id.
 */

export type Predicate = (doc: Record<string, unknown>) => boolean;

const ALIASES: Record<string, string> = { 'cis.quotation': 'quotationId', 'cis.salesOrder': 'salesOrderId' };

function lookup(doc: Record<string, unknown>, path: string): unknown {
  let cur: unknown = doc;
  for (const part of (ALIASES[path] ?? path).split('.')) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function matcher(pattern: string): (v: string) => boolean {
  const source = pattern
    .split('*')
    .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const re = new RegExp(`^${source}$`, 'is');
  return (v) => re.test(v);
}

function clause(text: string): Predicate {
  const colon = text.indexOf(':');
  if (colon <= 0) throw new FieldError('criteria.q', `criteria.q: clause "${text}" must be field:value`);
  const field = text.slice(0, colon).trim();
  let value = text.slice(colon + 1).trim();
  if (!/^[A-Za-z][\w.]*$/.test(field)) throw new FieldError('criteria.q', `criteria.q: "${field}" is not a field name`);
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
  const test = matcher(value);
  return (doc) => {
    const v = lookup(doc, field);
    if (v === undefined || v === null || typeof v === 'object') return false;
    return test(String(v));
  };
}

export function parseQuery(q: unknown): Predicate {
  if (q === undefined || q === null) return () => true;
  if (typeof q !== 'string' || q.length > 4000) throw new FieldError('criteria.q', 'criteria.q must be a string of at most 4000 characters');
  const text = q.trim();
  if (text === '' || text === '*') return () => true;
  const parts = text.split(/\s+AND\s+/i).map((p) => p.trim().replace(/^\((.*)\)$/s, '$1').trim());
  if (parts.some((p) => /\s+OR\s+|[()]/i.test(p))) throw new FieldError('criteria.q', 'criteria.q supports (field:value) clauses joined by AND only');
  const predicates = parts.map(clause);
  return (doc) => predicates.every((p) => p(doc));
}
