import type { Polygon } from 'geojson';
import type { ProviderSegment, ProviderTasking } from '../../providers/tasking';
import type { SegmentRow, TaskingRow } from '../../store/taskings-repo';

/** Provider-neutral tasking and segment values turned into the rows the store keeps. */

const polygon = (p: Polygon | null) => (p ? { type: 'Polygon' as const, coordinates: p.coordinates.map((r) => r.map((pos) => [pos[0] ?? 0, pos[1] ?? 0] as [number, number])) } : null);

export function taskingRow(t: ProviderTasking, accountId: string, contractId: string, at: string): TaskingRow {
  const progress = t.orderedAreaKm2 && t.validatedAreaKm2 !== null ? Math.min(1, Math.round((t.validatedAreaKm2 / t.orderedAreaKm2) * 1000) / 1000) : null;
  return {
    id: t.id,
    accountId,
    contractId,
    salesOrderId: t.salesOrderId,
    productTypeId: t.productTypeId,
    mission: t.mission,
    programmingType: t.programmingType,
    status: t.status,
    period: { start: t.periodStart, end: t.periodEnd },
    customerReference: t.customerReference,
    orderedAreaKm2: t.orderedAreaKm2,
    validatedAreaKm2: t.validatedAreaKm2,
    progress,
    proposedSegmentsCount: t.proposedSegmentsCount,
    totalSegmentsCount: t.totalSegmentsCount,
    aoi: polygon(t.aoi),
    updatedAt: at,
  };
}

export const segmentRow = (s: ProviderSegment, taskingId: string, at: string): SegmentRow => ({
  id: s.id,
  taskingId,
  status: s.status,
  catalogId: s.catalogId,
  acquisitionDate: s.acquisitionDate,
  incidenceAngle: s.incidenceAngle,
  clearSkyRate: s.clearSkyRate,
  footprint: polygon(s.footprint),
  updatedAt: at,
});
