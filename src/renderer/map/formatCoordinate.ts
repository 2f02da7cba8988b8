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
