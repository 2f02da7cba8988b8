/** "48.85661° N 2.35222° E": latitude first, five decimals (about a metre), hemisphere letters. */
export function formatLatLon(lat: number, lon: number): string {
  const part = (value: number, positive: string, negative: string): string => {
    const text = Math.abs(value).toFixed(5);
    // Rounding can turn a tiny negative into "0.00000"; that is neither south nor west.
    const hemisphere = Number(text) === 0 ? positive : value < 0 ? negative : positive;
    return `${text}° ${hemisphere}`;
  };
  return `${part(lat, 'N', 'S')} ${part(lon, 'E', 'W')}`;
}

/**
 * Projected coordinates as surveyors read them: easting then northing, two decimals (centimetres
 * for metres), signed, with the axis letters. Feet get their unit spelled out, metres are implied.
 */
export function formatEastingNorthing(x: number, y: number, units: 'metre' | 'foot' | 'other' = 'metre'): string {
  const suffix = units === 'foot' ? ' ft' : '';
  const part = (value: number): string => (Object.is(Number(value.toFixed(2)), -0) ? 0 : value).toFixed(2);
  return `${part(x)}${suffix} E, ${part(y)}${suffix} N`;
}

/** The readout for a CRS: "EPSG:2154 · 652469.12 E, 6862035.40 N" or "EPSG:4326 · 48.85661° N 2.35222° E". */
export function formatCrsPosition(
  code: number,
  units: 'degree' | 'metre' | 'foot' | 'other',
  position: { x: number; y: number; lon: number; lat: number },
): string {
  const text = units === 'degree' ? formatLatLon(position.y, position.x) : formatEastingNorthing(position.x, position.y, units);
  return `EPSG:${code} · ${text}`;
}
