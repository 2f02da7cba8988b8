import { bboxCentre, bboxesIntersect, type Bbox } from '../../shared/geo/bbox';

/**
 * The `projection_N` EPSG list for an AOI, as the providers build it: the UTM zone(s) the AOI lies in,
 * the national and continental systems whose area of use covers it, and a few world-wide systems. The
 * values double as the map's projection choices, so every code here must be one proj4 can define.
 */

export interface ProjectionValue {
  id: string;
  label: string;
}

interface Region {
  bbox: Bbox;
  codes: (zone: number, south: boolean) => [number, string][];
}

const box = (west: number, south: number, east: number, north: number): Bbox => ({ west, south, east, north });
const fixed = (...codes: [number, string][]) => () => codes;

// Areas of use are rounded outward; a false positive only offers one more (valid) projection.
const REGIONS: Region[] = [
  {
    bbox: box(-31.3, 34.5, 44.9, 71.2), // Europe (ETRS89)
    codes: (zone) => [
      [3035, 'ETRS89/LAEA Europe (EUR.)'],
      [4258, 'ETRS89 (EUR.) - GEOGRAPHIC'],
      ...(zone >= 28 && zone <= 38 ? ([[25800 + zone, `ETRS89/UTM ${zone}N (EUR.)`]] as [number, string][]) : []),
    ],
  },
  { bbox: box(-5.6, 41.3, 9.9, 51.2), codes: fixed([2154, 'RGF93/Lambert-93 (FR.)'], [4171, 'RGF93 (FR.) - GEOGRAPHIC']) },
  { bbox: box(-8.9, 49.8, 1.9, 61), codes: fixed([27700, 'OSGB 1936/British National Grid (UK)']) },
  { bbox: box(5.8, 47.2, 15.1, 55.1), codes: fixed([25832, 'ETRS89/UTM 32N (DE.)'], [25833, 'ETRS89/UTM 33N (DE.)']) },
  { bbox: box(-9.4, 35.9, 4.4, 43.9), codes: fixed([25830, 'ETRS89/UTM 30N (ES.)']) },
  { bbox: box(6.6, 35.4, 12, 47.1), codes: fixed([3003, 'Monte Mario/Italy 1 (IT. - W. of 12E)']) },
  { bbox: box(12, 35.4, 18.6, 47.1), codes: fixed([3004, 'Monte Mario/Italy 2 (IT. - E. of 12E)']) },
  { bbox: box(3.3, 50.7, 7.3, 53.6), codes: fixed([28992, 'Amersfoort/RD New (NL.)']) },
  { bbox: box(2.5, 49.5, 6.4, 51.6), codes: fixed([31370, 'Belge 1972/Belgian Lambert 72 (BE.)']) },
  { bbox: box(5.9, 45.8, 10.5, 47.9), codes: fixed([2056, 'CH1903+/LV95 (CH.)']) },
  {
    bbox: box(-125, 24.4, -66.9, 49.4), // contiguous USA
    codes: (zone) => [
      [5070, 'NAD83/Conus Albers (USA)'],
      ...(zone >= 10 && zone <= 19 ? ([[26900 + zone, `NAD83/UTM ${zone}N (USA)`]] as [number, string][]) : []),
    ],
  },
  { bbox: box(-180, 51.2, -129.9, 71.4), codes: fixed([3338, 'NAD83/Alaska Albers (USA)']) },
  { bbox: box(-141, 41.7, -52.6, 83.2), codes: fixed([3978, 'NAD83/Canada Atlas Lambert (CA.)']) },
  {
    bbox: box(112.8, -43.8, 153.7, -9.1), // Australia
    codes: (zone) => [
      [3577, 'GDA94/Australian Albers (AU.)'],
      ...(zone >= 49 && zone <= 56 ? ([[7800 + zone, `GDA2020/MGA zone ${zone} (AU.)`]] as [number, string][]) : []),
    ],
  },
  { bbox: box(166.3, -47.4, 178.6, -34.1), codes: fixed([2193, 'NZGD2000/New Zealand Transverse Mercator (NZ.)']) },
  {
    bbox: box(122.9, 20.4, 154, 45.6), // Japan, JGD2011 UTM 51N-55N are EPSG 6688-6692
    codes: (zone) => (zone >= 51 && zone <= 55 ? [[6637 + zone, `JGD2011/UTM ${zone}N (JP.)`]] : []),
  },
  {
    bbox: box(-74, -33.8, -34.7, 5.3), // Brazil, SIRGAS 2000 UTM 18S-25S are EPSG 31978-31985
    codes: (zone, south) => (south && zone >= 18 && zone <= 25 ? [[31960 + zone, `SIRGAS 2000/UTM ${zone}S (BR.)`]] : []),
  },
  { bbox: box(68, 6.7, 97.4, 35.5), codes: fixed([7755, 'WGS84/India NSF LCC (IN.)']) },
  { bbox: box(73.5, 16.7, 134.8, 53.6), codes: fixed([4490, 'China Geodetic Coordinate System 2000 (CN.) - GEOGRAPHIC']) },
];

const WORLD: [number, string][] = [
  [3395, 'WGS84/World Mercator (World - between 80S. and 84N.)'],
  [3857, 'WGS84/Web Mercator (World - between 85S. and 85N.)'],
  [4326, 'WGS 1984 - GEOGRAPHIC'],
];

/** UTM zone of a point, with the Norway and Svalbard exceptions of the grid. */
export function utmZone(lon: number, lat: number): number {
  let zone = Math.min(60, Math.floor((lon + 180) / 6) + 1);
  if (lat >= 56 && lat < 64 && lon >= 3 && lon < 12) zone = 32;
  if (lat >= 72 && lat < 84 && lon >= 0 && lon < 42) zone = lon < 9 ? 31 : lon < 21 ? 33 : lon < 33 ? 35 : 37;
  return zone;
}

/** EPSG code of the WGS84 UTM zone at a point (UPS near the poles, where UTM is undefined). */
export function utmEpsg(lon: number, lat: number): number {
  if (lat > 84) return 32661;
  if (lat < -80) return 32761;
  return (lat < 0 ? 32700 : 32600) + utmZone(lon, lat);
}

function label(code: number, text: string): string {
  return `${code} ${text}${text.endsWith('GEOGRAPHIC') ? '' : ' - PROJECTED'}`;
}

/** The projection list and its default (the UTM zone of the AOI's centre) for one AOI. */
export function projectionsFor(bbox: Bbox): { values: ProjectionValue[]; defaultValue: string } {
  const [lon, lat] = bboxCentre(bbox);
  const south = lat < 0;
  const zone = utmZone(lon, lat);
  const found = new Map<number, string>();
  const defaultCode = utmEpsg(lon, lat);

  // Every UTM zone the AOI touches (an AOI across a zone boundary can be delivered in either).
  const lons = [bbox.west, lon, Math.min(bbox.east, bbox.west + 360)];
  for (const l of lons) {
    const wrapped = l > 180 ? l - 360 : l;
    for (const la of [bbox.south, lat, bbox.north]) {
      const code = utmEpsg(wrapped, Math.max(-80.0001, Math.min(84.0001, la)));
      if (code === 32661 || code === 32761) found.set(code, `WGS84/UPS ${code === 32661 ? 'North' : 'South'} (polar)`);
      else if ((code >= 32700) === south) found.set(code, `WGS84/UTM ${code % 100}${south ? 'S' : 'N'}`);
    }
  }
  for (const region of REGIONS) {
    if (!bboxesIntersect(region.bbox, bbox)) continue;
    for (const [code, text] of region.codes(zone, south)) found.set(code, text);
  }
  for (const [code, text] of WORLD) found.set(code, text);
  if (!found.has(defaultCode)) found.set(defaultCode, `WGS84/UTM ${defaultCode % 100}${south ? 'S' : 'N'}`);

  const values = [...found.entries()]
    .map(([code, text]) => ({ id: String(code), label: label(code, text) }))
    .sort((a, b) => a.id.localeCompare(b.id));
  return { values, defaultValue: String(defaultCode) };
}
