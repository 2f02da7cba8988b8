import { bboxOfPolygons } from '../../shared/geo/bbox';
import type { ParsedAoi } from '../geo/aoi';
import type { ProductTypeDef, Provider, Sensor } from './products';
import { projectionsFor } from './projections';

/**
 * Production options in the documented `availableOptions` form, and the validation an order's
 * `optionsPerProductType[].options` goes through. A `constraint {filter: "key:value", reject}` makes an
 * option apply only when `key` has (reject false) or has not (reject true) that value; `value` may list
 * alternatives as `(a|b)`. `mandatory: "constraint"` means mandatory whenever the option applies.
 */

export interface OptionValue {
  id: string;
  label: string;
}

export interface OptionDef {
  category: string;
  constraint: { reject: boolean; filter: string } | null;
  label: string;
  name: string;
  type: 'list' | 'double';
  values: OptionValue[] | null;
  defaultValue: string | null;
  range: [number, number] | null;
  format: string | null;
  mandatory: 'true' | 'false' | 'constraint';
}

export interface OptionError {
  /** The option key at fault (as the client sent it, or as it should be sent). */
  key: string;
  message: string;
}

export interface AoiRef {
  id: number;
  aoi: ParsedAoi;
}

type Spec = Omit<OptionDef, 'category' | 'format' | 'range' | 'constraint' | 'defaultValue'> &
  Partial<Pick<OptionDef, 'range' | 'constraint' | 'defaultValue'>> & {
    /** One option per AOI, named `<name>_<aoiId>` (projections, and the DEM on OneAtlas). */
    perAoi?: boolean;
  };

const v = (id: string, label: string): OptionValue => ({ id, label });
const list = (name: string, label: string, values: OptionValue[], defaultValue: string, mandatory: Spec['mandatory'] = 'true', constraint?: OptionDef['constraint']): Spec => ({
  name,
  label,
  type: 'list',
  values,
  defaultValue,
  mandatory,
  constraint: constraint ?? null,
});
const onlyIf = (filter: string) => ({ reject: false, filter });
const unless = (filter: string) => ({ reject: true, filter });

const BANDS: Record<Sensor, { pan: string; ms: string }> = {
  spot: { pan: '1.5m', ms: '6m' },
  pleiades: { pan: '50cm', ms: '2m' },
  pleiadesneo: { pan: '30cm', ms: '1.2m' },
};

function spectral(sensor: Sensor): OptionValue[] {
  const { pan, ms } = BANDS[sensor];
  const values = [
    v('pansharpened_natural_color', `Pansharpened ${pan} 3-band, Natural Color`),
    v('panchromatic', `Panchromatic ${pan}`),
    v('pansharpened', `Pansharpened ${pan} 4-band`),
    v('multispectral', `Multispectral ${ms} 4-band`),
    v('pansharpened_false_color', `Pansharpened ${pan} 3-band, False Color`),
    v('bundle', `Bundle: Panchromatic ${pan} + Multispectral ${ms} 4-band`),
  ];
  if (sensor !== 'pleiadesneo') return values;
  return [
    ...values,
    v('full_bundle', `Full Bundle: Panchromatic ${pan} + Multispectral ${ms} 6-band`),
    v('full_pms', `Pansharpened ${pan} 6-band`),
    v('full_ms', `Full MS: Multispectral ${ms} 6-band`),
  ];
}

const PROCESSING = [v('ortho', 'Ortho'), v('projected', 'Projected'), v('primary', 'Primary')];
const FORMATS = [v('dimap_jpeg2000_optimized', 'DIMAP - Optimized JPEG 2000'), v('dimap_jpeg2000_regular', 'DIMAP - Regular JPEG 2000'), v('dimap_geotiff', 'DIMAP - GeoTIFF')];
const NITF = [v('nitf_jpeg2000_regular', 'NITF - Regular JPEG 2000'), v('nitf_geotiff', 'NITF - GeoTIFF')];
const PIXEL = list('pixel_coding', 'PIXEL_CODING', [v('8bits', '8 bits (JPEG 2000 / GeoTIFF)'), v('12bits', '12 bits (JPEG 2000) / 16 bits (GeoTIFF)')], '12bits');
const RADIO = list('radiometric_processing', 'RADIOMETRIC_PROCESSING', [v('basic', 'Basic'), v('reflectance', 'Reflectance'), v('display', 'Display')], 'basic');
const ELEVATION: Spec = { name: 'elevation', label: 'ELEVATION', type: 'double', values: null, defaultValue: ' ', range: [-100, 10000], mandatory: 'false', constraint: onlyIf('processing_level:projected') };
const PRIORITY = list('priority', 'PRIORITY', [v('standard', 'Standard'), v('rush', 'Rush (no quality checking)')], 'standard');
const AREA_MODEL = list('area_compute_model', 'AREA_COMPUTE_MODEL', [v('coverage', 'Coverage'), v('temporal_serie', 'TemporalSerie')], 'coverage', 'false');
const EULA = [v('eula_5', 'EULA (up to 5 affiliated end users)'), v('eula_6_10', 'Multi (6 to 10 affiliated end users)'), v('eula_11_30', 'Multi (11 to 30 affiliated end users)')];
const NEO_LICENCES = [v('standard', 'Standard Licence Agreement'), v('background_layer', 'Background Layer Licence Agreement'), v('stand_background_layer', 'Standard and Background Layer Licence Agreement')];
const PROJECTION: Spec = { name: 'projection', label: 'Projection (GDLIB code)', type: 'list', values: [], mandatory: 'constraint', constraint: unless('processing_level:primary'), perAoi: true };
const DEMS = [v('best_available', 'Best Available'), v('SRTMV4', 'SRTM v4'), v('GTOPO30', 'GTOPO30'), v('WorldDEM4Ortho', 'WorldDEM4Ortho')];

/** GeoAPI legacy archive: the complete catalogue of the legacy guide's options example. */
function geoapiArchive(sensor: Sensor): Spec[] {
  return [
    list('processing_level', 'PROCESSING_LEVEL', PROCESSING, 'ortho'),
    list('dem', 'ORTHORECTIFICATION_DEM_REFERENCE', [v('best_available', 'Best Available'), v('srtm', 'SRTM'), v('globe', 'Globe')], 'best_available', 'constraint', onlyIf('processing_level:ortho')),
    list('spectral_processing', 'SPECTRAL_PROCESSING', spectral(sensor), 'pansharpened', 'constraint', unless('processing_level:primary')),
    list('spectral_processing_primary', 'SPECTRAL_PROCESSING', spectral(sensor), 'bundle', 'constraint', onlyIf('processing_level:primary')),
    list('image_format_primary', 'FORMAT', FORMATS, 'dimap_jpeg2000_regular', 'constraint', onlyIf('processing_level:primary')),
    list('image_format', 'FORMAT', [...FORMATS, ...NITF], 'dimap_jpeg2000_regular', 'constraint', unless('processing_level:primary')),
    PIXEL,
    RADIO,
    ELEVATION,
    AREA_MODEL,
    PRIORITY,
    list('license', 'LICENSE', EULA, 'eula_5'),
    PROJECTION,
  ];
}

/** OneAtlas (current) archive and tasking, as its options endpoint describes them. */
function oneatlas(sensor: Sensor, source: 'archive' | 'tasking'): Spec[] {
  const specs: Spec[] = [
    list('processing_level', 'Processing Level', PROCESSING, 'primary'),
    list('spectral_processing', 'Spectral Processing', spectral(sensor), sensor === 'pleiadesneo' ? 'full_bundle' : 'bundle'),
    list('image_format', 'Image Format', FORMATS.slice(1), 'dimap_jpeg2000_regular'),
    { ...PIXEL, label: 'Pixel Coding' },
    { ...RADIO, label: 'Radiometric Processing' },
    { ...ELEVATION, label: 'Elevation' },
  ];
  // Tasking priority comes with the offer (OneDay/OneNow/…); archive lets the buyer pay for a rush.
  if (source === 'archive') {
    specs.push({ ...AREA_MODEL, label: 'Area Computation Model' }, { ...PRIORITY, label: 'Priority' });
    specs.push(list('fullStrip', 'fullStrip', [v('true', 'true'), v('false', 'false')], 'false', 'false'));
  }
  specs.push(
    list('delivery_method', 'DeliveryMethod', [v('on_the_flow', 'OntheFlow'), v('at_the_end', 'AtTheEnd')], 'on_the_flow', 'false'),
    list('licence', 'Licence', sensor === 'pleiadesneo' ? NEO_LICENCES : [v('standard', 'Standard Licence Agreement'), ...EULA], 'standard'),
    { ...list('dem', 'Orthorectification DEM Reference', DEMS, 'best_available', 'constraint', onlyIf('processing_level:ortho')), perAoi: true },
    PROJECTION,
  );
  return specs;
}

function specsFor(p: ProductTypeDef): Spec[] {
  if (p.optionSet === 'geoapi-archive') return geoapiArchive(p.sensor);
  return oneatlas(p.sensor, p.optionSet === 'oneatlas-archive' ? 'archive' : 'tasking');
}

const category = (provider: Provider) => (provider === 'geoapi' ? 'technical_product' : 'production_option');
// The legacy API names the DEM once for the whole order; OneAtlas names it per AOI like projections.
const perAoiName = (provider: Provider, s: Spec, aoiId: number) => (s.name === 'dem' && provider === 'geoapi' ? 'dem' : `${s.name}_${aoiId}`);

/** The options of a product type for these AOIs, in the documented form (projection_N per AOI). */
export function optionsFor(p: ProductTypeDef, aois: AoiRef[]): OptionDef[] {
  const out: OptionDef[] = [];
  for (const s of specsFor(p)) {
    const { perAoi, ...rest } = s;
    const base: OptionDef = { category: category(p.provider), format: null, range: null, constraint: null, defaultValue: null, ...rest };
    if (!perAoi) {
      out.push(base);
      continue;
    }
    const seen = new Set<string>();
    for (const { id, aoi } of aois) {
      const name = perAoiName(p.provider, s, id);
      if (seen.has(name)) continue;
      seen.add(name);
      if (s.name !== 'projection') out.push({ ...base, name });
      else {
        const proj = projectionsFor(bboxOfPolygons(aoi.polygons));
        out.push({ ...base, name, values: proj.values, defaultValue: proj.defaultValue });
      }
    }
  }
  return out;
}

// Legacy processing-level ids still used by the GeoAPI guides' example orders.
const LEGACY_LEVELS: Record<string, string> = { level_1: 'primary', level_1a: 'primary', level_2: 'projected', level_2a: 'projected', level_3: 'ortho' };

function applies(o: OptionDef, values: Map<string, string>): boolean {
  if (!o.constraint) return true;
  const [key = '', wanted = ''] = o.constraint.filter.split(':');
  const alternatives = wanted.replace(/^\(|\)$/g, '').split('|');
  const matches = alternatives.includes(values.get(key) ?? '');
  return o.constraint.reject ? !matches : matches;
}

export interface ValidateOptionsResult {
  /** Effective values by option name, defaults included: what the sandbox will "produce". */
  values: Record<string, string>;
  errors: OptionError[];
}

/**
 * Checks an order's options for one product type. `applyDefaults` (the legacy GeoAPI behaviour its
 * guide's examples depend on) fills missing mandatory options from their default, except the options
 * other options depend on (`processing_level`), which must always be chosen. Unknown keys are ignored
 * as the real services do (the legacy examples send an `Account` key no options list mentions).
 */
export function validateOptions(p: ProductTypeDef, options: { key: string; value: unknown }[], aois: AoiRef[], applyDefaults = false): ValidateOptionsResult {
  const defs = optionsFor(p, aois);
  const errors: OptionError[] = [];
  const given = new Map<string, string>();
  const licenceName = defs.some((d) => d.name === 'license') ? 'license' : 'licence';
  for (const { key, value } of options) {
    let name = key === 'license' || key === 'licence' ? licenceName : key;
    // `dem` is accepted for `dem_<id>` (and back) when the order has a single AOI, as the guides mix both.
    if (name === 'dem' && !defs.some((d) => d.name === 'dem') && aois.length === 1) name = `dem_${aois[0]?.id}`;
    if (/^dem_\d+$/.test(name) && defs.some((d) => d.name === 'dem')) name = 'dem';
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      errors.push({ key, message: `Option '${key}' must have a string value` });
      continue;
    }
    if (given.has(name)) errors.push({ key, message: `Option '${key}' is given more than once` });
    let text = String(value);
    if (name === 'processing_level' && p.provider === 'geoapi') text = LEGACY_LEVELS[text] ?? text;
    given.set(name, text);
  }

  const filterKeys = new Set(defs.flatMap((d) => (d.constraint ? [d.constraint.filter.split(':')[0] ?? ''] : [])));
  const effective = new Map<string, string>();
  // Options others depend on are settled first, so that constraints are evaluated against final values.
  const ordered = [...defs].sort((a, b) => Number(filterKeys.has(b.name)) - Number(filterKeys.has(a.name)));
  for (const d of ordered) {
    const applicable = applies(d, effective);
    const raw = given.get(d.name);
    if (raw === undefined) {
      const required = d.mandatory === 'true' || (d.mandatory === 'constraint' && applicable);
      if (!required) continue;
      if (applyDefaults && !filterKeys.has(d.name) && d.defaultValue?.trim()) effective.set(d.name, d.defaultValue);
      else errors.push({ key: d.name, message: `Missing mandatory option '${d.name}'` });
      continue;
    }
    // An option that does not apply (e.g. a projection for a primary product) is ignored, not refused.
    if (!applicable) continue;
    if (d.type === 'list') {
      if (!d.values?.some((x) => x.id === raw)) {
        const allowed = (d.values ?? []).map((x) => x.id).join(', ');
        errors.push({ key: d.name, message: `Invalid value '${raw}' for option '${d.name}' (allowed: ${allowed})` });
        continue;
      }
    } else {
      const n = Number(raw);
      const [min, max] = d.range ?? [-Infinity, Infinity];
      if (raw.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
        errors.push({ key: d.name, message: `Option '${d.name}' must be a number in [${min}, ${max}] (got '${raw}')` });
        continue;
      }
    }
    effective.set(d.name, raw);
  }
  return { values: Object.fromEntries(effective), errors };
}
