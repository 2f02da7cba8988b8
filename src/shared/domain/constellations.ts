import type { ArchiveProviderKind } from './providers';

/**
 * The desk's one constellation vocabulary for archive searches. Each provider client maps it to its own
 * spelling at its edge (OneAtlas opensearch: SPOT/PHR/PNEO; GeoAPI legacy search: SPOT/PLEIADES, as the
 * GeoAPI archive guide sends it).
 */
export const CONSTELLATIONS = [
  { id: 'SPOT', label: 'SPOT' },
  { id: 'PHR', label: 'Pléiades' },
  { id: 'PNEO', label: 'Pléiades Neo' },
] as const;
export type ConstellationId = (typeof CONSTELLATIONS)[number]['id'];

/** Which constellations each archive provider can search. */
export const CONSTELLATIONS_OF: Record<ArchiveProviderKind, readonly ConstellationId[]> = {
  oneatlas: ['SPOT', 'PHR', 'PNEO'],
  geoapi: ['SPOT', 'PHR'],
};
