import type { GeoJsonImport, ImportedAoi } from '../../../shared/geo/geojson-import';

/** Large files hold thousands of AOIs: the report details the first ones and counts the rest. */
export const DETAILED = 100;

/**
 * What the import dialog needs, small enough to cross from the worker in a millisecond: the first
 * AOIs in detail and counts for the rest. The geometries stay in the worker until the user confirms.
 */
export type ImportReport =
  | {
      ok: true;
      count: number;
      detailed: ImportedAoi[];
      rest: { repairs: number; simplifiable: number; unsimplifiable: number };
      skipped: Extract<GeoJsonImport, { ok: true }>['skipped'];
    }
  | Extract<GeoJsonImport, { ok: false }>;

export function summarise(result: GeoJsonImport): ImportReport {
  if (!result.ok) return result;
  const rest = { repairs: 0, simplifiable: 0, unsimplifiable: 0 };
  for (const a of result.aois.slice(DETAILED)) {
    rest.repairs += a.repairs.length;
    if (a.simplification?.ok) rest.simplifiable++;
    else if (a.simplification) rest.unsimplifiable++;
  }
  return { ok: true, count: result.aois.length, detailed: result.aois.slice(0, DETAILED), rest, skipped: result.skipped };
}

/**
 * The AOIs to store: each one simplified when it was offered and the user kept the offer (detailed
 * AOIs carry the user's choice by index; the rest take the offer, as the report says).
 */
export function itemsToStore(aois: ImportedAoi[], simplify: Readonly<Record<number, boolean>>): { name: string; geometry: unknown }[] {
  return aois.map((a, i) => {
    const offer = a.simplification?.ok ? a.simplification : undefined;
    return { name: a.name, geometry: offer && (simplify[i] ?? true) ? offer.geometry : a.geometry };
  });
}
