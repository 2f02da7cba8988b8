/**
 * How figures read across the sections (lists, dialogs, banners); one place so the Archive, Orders and
 * Quotations rooms never disagree on a date or an amount. '—' where the provider gave nothing.
 */
const DASH = '—';

/** Areas as analysts read them: whole km² when large, more decimals for small sites. */
export const formatKm2 = (km2: number): string =>
  km2 >= 100 ? `${Math.round(km2).toLocaleString('en')} km²` : `${km2.toFixed(km2 >= 1 ? 2 : 4)} km²`;

/** "2024-05-02 10:41 UTC": acquisitions are compared across time zones, so UTC it is. */
export function formatUtc(iso: string | null | undefined): string {
  if (!iso) return DASH;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export const formatDay = (iso: string | null | undefined): string => (iso ? formatUtc(iso).slice(0, 10) : DASH);

export const formatPercent = (value: number | null, digits = 0): string => (value === null ? DASH : `${value.toFixed(digits)} %`);

/** Coverage arrives as a share 0..1; "<1 %" keeps a sliver from reading as nothing. */
export function formatCoverage(share: number | null): string {
  if (share === null) return DASH;
  const pct = share * 100;
  if (pct > 0 && pct < 1) return '<1 %';
  return `${Math.round(pct)} %`;
}

export const formatAngle = (deg: number | null): string => (deg === null ? DASH : `${deg.toFixed(1)}°`);

export const formatMetres = (m: number | null): string => (m === null ? DASH : `${m < 1 ? m.toFixed(2) : m.toFixed(1)} m`);

export function formatMoney(amount: number | null, currency: string | null): string {
  if (amount === null) return DASH;
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: currency || 'EUR', maximumFractionDigits: 2 }).format(amount);
  } catch {
    // A currency code Intl does not know still shows the number and the code.
    return `${amount.toFixed(2)} ${currency ?? ''}`.trim();
  }
}

/** "3 h ago", "2 d ago"… for the offline banner; falls back to the date beyond a month. */
export function formatSince(iso: string | null, nowMs: number): string {
  if (!iso) return 'at an unknown time';
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  const s = Math.max(0, Math.round((nowMs - t) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  if (s < 30 * 86_400) return `${Math.floor(s / 86_400)} d ago`;
  return `on ${formatUtc(iso)}`;
}

/** A provider property for the detail panel: scalars as they are, structures as compact JSON. */
export function formatProperty(value: unknown): string {
  if (value === null || value === undefined) return DASH;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
