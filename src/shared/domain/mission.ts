/**
 * Which archive scenes a product type's mission can order, by constellation or satellite name as the
 * providers spell them (OneAtlas "PHR"/"PNEO", GeoAPI "PLEIADES"…). Shared so the archive basket's
 * warning and main's comparison candidates agree on what fits.
 */
const FAMILY: Record<string, RegExp> = {
  SPOT: /^SPOT/i,
  PLEIADES: /^(PHR|PLEIADES$|PLEIADES ?1)/i,
  PLEIADESNEO: /^(PNEO|PLEIADES ?NEO)/i,
};

/** True when the scene belongs to the mission, false when not, null for a mission we cannot judge (left to the provider). */
export function sceneFitsMission(scene: { constellation: string; satellite: string }, mission: string): boolean | null {
  const family = FAMILY[mission.toUpperCase()];
  if (!family) return null;
  return family.test(scene.constellation) || family.test(scene.satellite);
}
