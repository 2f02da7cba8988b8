import { z } from 'zod';

/**
 * Origen programming orders (the Origen programming guide: `POST /market/order/programming/create`):
 * ask Chang Guang (Jilin-1, optical) or Spacety (tianyi, SAR) to image an AOI in a time window, once or
 * recurring. The vocabulary below is the guide's, with names and metres, so the form, main's rules and
 * the confirmation dialog read one table.
 */

export const PROGRAMMING_PROVIDERS = ['changguang', 'tianyi'] as const;
export const ProgrammingProviderSchema = z.enum(PROGRAMMING_PROVIDERS);
export type ProgrammingProvider = z.infer<typeof ProgrammingProviderSchema>;

export const PROGRAMMING_PROVIDER_INFO: Record<ProgrammingProvider, { label: string; sensor: 'optical' | 'SAR' }> = {
  changguang: { label: 'Chang Guang (Jilin-1, optical)', sensor: 'optical' },
  tianyi: { label: 'Spacety (tianyi, SAR)', sensor: 'SAR' },
};

export interface ResolutionSpec {
  type: number;
  provider: ProgrammingProvider;
  name: string;
  metres: number;
}

/** The guide's `resolutionType` table: 1–3 belong to changguang, 4–8 to tianyi. */
export const RESOLUTIONS: readonly ResolutionSpec[] = [
  { type: 1, provider: 'changguang', name: 'Super High', metres: 0.3 },
  { type: 2, provider: 'changguang', name: 'Very High', metres: 0.5 },
  { type: 3, provider: 'changguang', name: 'High', metres: 1 },
  { type: 4, provider: 'tianyi', name: 'Spotlight (SP)', metres: 1 },
  { type: 5, provider: 'tianyi', name: 'Stripmap (SM)', metres: 3 },
  { type: 6, provider: 'tianyi', name: 'Narrow Scan (NS)', metres: 12 },
  { type: 7, provider: 'tianyi', name: 'Narrow Scan TOPS', metres: 12 },
  { type: 8, provider: 'tianyi', name: 'Wide Scan (ES)', metres: 20 },
];

export const resolutionOf = (type: number): ResolutionSpec | undefined => RESOLUTIONS.find((r) => r.type === type);
export const resolutionsOf = (provider: ProgrammingProvider): ResolutionSpec[] => RESOLUTIONS.filter((r) => r.provider === provider);
/** "Spotlight (SP), 1 m". */
export const resolutionLabel = (r: ResolutionSpec): string => `${r.name}, ${r.metres} m`;

/** The guide's `recurringUnit`: 1 day, 2 week, 3 month. */
export const RECURRENCE_UNITS = ['day', 'week', 'month'] as const;
export const RecurrenceUnitSchema = z.enum(RECURRENCE_UNITS);
export type RecurrenceUnit = z.infer<typeof RecurrenceUnitSchema>;
export const RECURRENCE_UNIT_CODE: Record<RecurrenceUnit, 1 | 2 | 3> = { day: 1, week: 2, month: 3 };

/** Every `every` `unit`s. Either may be missing while the user types; the rules say which is. */
export const RecurrenceSchema = z.object({ every: z.number().nullable(), unit: RecurrenceUnitSchema.nullable() });
export type Recurrence = z.infer<typeof RecurrenceSchema>;

/** What the form sends. Numbers are range-checked by the shared rules (with a sentence), not here. */
export const ProgrammingDraftSchema = z.object({
  accountId: z.string().min(1),
  aoiId: z.string().min(1),
  provider: ProgrammingProviderSchema,
  resolutionType: z.number(),
  /** ISO date-times (UTC or with an offset); the window the satellite may image in. */
  start: z.string().min(1),
  end: z.string().min(1),
  recurrence: RecurrenceSchema.nullable(),
  /** Optical only (percent); null for SAR, and for optical when the provider's default is fine. */
  maxCloud: z.number().nullable(),
});
export type ProgrammingDraft = z.infer<typeof ProgrammingDraftSchema>;

/**
 * Local states around the provider's own: `submitting` (written before the POST), `unconfirmed` (the
 * POST may have landed, no answer: never resent by the app), `refused` (the provider said no), `not_sent` (unreachable: nothing left). After
 * that the status is the provider's (`pending`, `acquisition_analysis`, … where its service says).
 */
export const PROGRAMMING_SUBMITTING = 'submitting';
export const PROGRAMMING_UNCONFIRMED = 'unconfirmed';
export const PROGRAMMING_REFUSED = 'refused';
/** The service could not be reached at all: certainly not created, the user may confirm again. */
export const PROGRAMMING_NOT_SENT = 'not_sent';
/** What an order placed is until the provider says more (the guide's reply carries no status). */
export const PROGRAMMING_PLACED = 'pending';

const Polygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.tuple([z.number(), z.number()]))) });

export const ProgrammingEventSchema = z.object({ status: z.string(), at: z.string(), note: z.string().nullable() });

export const ProgrammingOrderSchema = z.object({
  /** Local id: the order exists here before the provider numbers it. */
  id: z.string(),
  accountId: z.string(),
  /** The provider's `data.orderNo`; null while submitting, unconfirmed or refused. */
  orderNumber: z.string().nullable(),
  provider: ProgrammingProviderSchema,
  resolutionType: z.number().int(),
  window: z.object({ start: z.string(), end: z.string() }),
  recurrence: z.object({ every: z.number().int(), unit: RecurrenceUnitSchema }).nullable(),
  maxCloud: z.number().nullable(),
  aoi: z.object({ id: z.string(), name: z.string(), areaKm2: z.number(), geometry: Polygon }),
  status: z.string(),
  /** The provider's wording of the status, where its service gives one. */
  statusName: z.string().nullable(),
  /** Why it failed, was refused, or what to do while unconfirmed: the provider's words where it gave some. */
  message: z.string().nullable(),
  /** The body exactly as sent, for audit and for the user to compare with the provider's records. */
  sent: z.record(z.string(), z.unknown()),
  imagingTime: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  events: z.array(ProgrammingEventSchema),
});
export type ProgrammingOrder = z.infer<typeof ProgrammingOrderSchema>;

const DAY_MS = 86_400_000;
const minute = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

/** `from` plus `n` calendar months, kept on the last day of a shorter month (Jan 31 + 1 → Feb 28/29). */
function addMonths(from: number, n: number): number {
  const d = new Date(from);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return target.getTime();
}

/** The acquisition dates a window and recurrence imply: the start, then every interval until the end. */
export function acquisitionDates(start: number, end: number, recurrence: { every: number; unit: RecurrenceUnit } | null, max = 1000): number[] {
  if (!(end > start)) return [];
  if (!recurrence || !(recurrence.every >= 1)) return [start];
  const out: number[] = [];
  for (let k = 0; out.length < max; k++) {
    const step = k * recurrence.every;
    const t = recurrence.unit === 'month' ? addMonths(start, step) : start + step * (recurrence.unit === 'week' ? 7 : 1) * DAY_MS;
    if (t > end) break;
    out.push(t);
  }
  return out;
}

/**
 * The recurrence in words with the acquisitions it implies: "every 2 weeks from 2026-01-05 10:00 UTC to
 * 2026-03-01 10:00 UTC: 9 acquisitions". Null when the dates cannot be read (the rules say why).
 */
export function summariseRecurrence(start: string, end: string, recurrence: Recurrence | null): { text: string; acquisitions: number } | null {
  const s = Date.parse(start);
  const e = Date.parse(end);
  if (Number.isNaN(s) || Number.isNaN(e) || e <= s) return null;
  const window = `from ${minute(s)} to ${minute(e)}`;
  if (!recurrence) return { text: `once, ${window}`, acquisitions: 1 };
  const { every, unit } = recurrence;
  if (every === null || unit === null || !Number.isInteger(every) || every < 1) return null;
  const acquisitions = acquisitionDates(s, e, { every, unit }).length;
  const interval = every === 1 ? `every ${unit}` : `every ${every} ${unit}s`;
  return { text: `${interval} ${window}: ${acquisitions} acquisition${acquisitions === 1 ? '' : 's'}`, acquisitions };
}
