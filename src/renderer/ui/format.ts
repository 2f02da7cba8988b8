/** Areas as analysts read them: whole km² when large, more decimals for small sites. */
export const formatKm2 = (km2: number): string =>
  km2 >= 100 ? `${Math.round(km2).toLocaleString('en')} km²` : `${km2.toFixed(km2 >= 1 ? 2 : 4)} km²`;
