import type { LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon, Position } from 'geojson';

/**
 * Well-Known Text for the two AOI geometry types (OGC 06-103r4 §7, plus PostGIS EWKT's `SRID=n;`
 * prefix because that is what analysts copy out of PostGIS and QGIS). The GeoAPI legacy search takes
 * WKT and analysts paste it, so the parser is strict about structure (errors name the character
 * offset and what was expected) but lenient about spelling: any case, any whitespace, and
 * coordinates with an undeclared third or fourth value, as several tools emit them.
 *
 * `parseWkt` takes polygons only (AOIs); `parseWktGeometry` also reads points and lines, which search
 * APIs accept as search areas. Only syntax is checked here; whether the polygon is a valid AOI is
 * `checkAoiGeometry`'s job.
 */

/** The simple-feature geometries WKT and GeoJSON share (no GeometryCollection). */
export type WktGeometry = Point | LineString | Polygon | MultiPoint | MultiLineString | MultiPolygon;

const TAGS = {
  Point: 'POINT',
  LineString: 'LINESTRING',
  Polygon: 'POLYGON',
  MultiPoint: 'MULTIPOINT',
  MultiLineString: 'MULTILINESTRING',
  MultiPolygon: 'MULTIPOLYGON',
} as const satisfies Record<WktGeometry['type'], string>;
type Tag = (typeof TAGS)[keyof typeof TAGS];
const TYPE_OF_TAG = Object.fromEntries(Object.entries(TAGS).map(([type, tag]) => [tag, type])) as Record<Tag, WktGeometry['type']>;
// Longest first, so that MULTIPOLYGON is not read as a glued "MULTI" + something.
const TAG_WORD = /^(MULTIPOINT|MULTILINESTRING|MULTIPOLYGON|POINT|LINESTRING|POLYGON)(ZM|Z|M)?$/;

interface Accepted {
  tags: readonly Tag[];
  /** What the error says was expected when the type word is not one of `tags`. */
  expected: string;
  found: (word: string) => string;
}

const POLYGONS_ONLY: Accepted = {
  tags: ['POLYGON', 'MULTIPOLYGON'],
  expected: 'POLYGON or MULTIPOLYGON',
  found: (word) => `${word} (only polygons can be AOIs)`,
};

const ANY_GEOMETRY: Accepted = {
  tags: Object.values(TAGS),
  expected: 'POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING or MULTIPOLYGON',
  found: (word) => word,
};

export class WktParseError extends Error {
  override readonly name = 'WktParseError';
  constructor(
    /** 0-based character offset into the text. */
    readonly offset: number,
    readonly expected: string,
    readonly found: string,
  ) {
    super(`WKT: expected ${expected} at character ${offset + 1}, found ${found}`);
  }
}

type Dims = 'XY' | 'XYZ' | 'XYM' | 'XYZM' | 'unspecified';
const DIMS: Record<string, Dims> = { Z: 'XYZ', M: 'XYM', ZM: 'XYZM' };

const NUMBER = /[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z]+/y;
const SRID = /SRID\s*=\s*(\d+)\s*;/iy;
/** EWKT SRIDs that mean lon/lat on WGS84, i.e. what GeoJSON coordinates are. */
const LONLAT_SRIDS = new Set(['4326', '4979', '0']);

class Parser {
  private pos = 0;
  constructor(private readonly text: string) {}

  parse(accepted: Accepted): WktGeometry {
    this.space();
    this.srid();
    const word = this.word(accepted.expected).toUpperCase();
    // PostGIS's EWKT glues the dimension to the type (POLYGONM); OGC separates it (POLYGON M).
    const glued = TAG_WORD.exec(word);
    const tag = glued?.[1] as Tag | undefined;
    if (!glued || !tag || !accepted.tags.includes(tag)) this.fail(accepted.expected, accepted.found(word), this.pos - word.length);
    const dims = (glued[2] && DIMS[glued[2]]) || this.dims();
    const type = TYPE_OF_TAG[tag];
    const geometry = (this.emptyKeyword() ? { type, coordinates: [] } : { type, coordinates: this.body(tag, dims) }) as WktGeometry;
    this.space();
    if (this.pos < this.text.length) this.fail('end of text');
    return geometry;
  }

  private body(tag: Tag, dims: Dims): WktGeometry['coordinates'] {
    switch (tag) {
      case 'POINT': {
        this.expect('(');
        const position = this.position(dims);
        this.expect(')');
        return position;
      }
      case 'LINESTRING':
        return this.ring(dims);
      case 'POLYGON':
        return this.polygon(dims);
      case 'MULTIPOINT':
        return this.multiPoint(dims);
      case 'MULTILINESTRING':
        return this.list(() => this.ring(dims));
      case 'MULTIPOLYGON':
        return this.multiPolygon(dims);
    }
  }

  /** `(item, item, …)` where any item may be EMPTY (and then contributes nothing). */
  private list<T>(item: () => T): T[] {
    this.expect('(');
    const items: T[] = [];
    do {
      if (this.emptyKeyword()) continue;
      items.push(item());
    } while (this.comma());
    this.expect(')');
    return items;
  }

  /** Both spellings are in use: `MULTIPOINT ((1 2), (3 4))` (OGC) and `MULTIPOINT (1 2, 3 4)`. */
  private multiPoint(dims: Dims): Position[] {
    return this.list(() => {
      this.space();
      if (this.text[this.pos] !== '(') return this.position(dims);
      this.expect('(');
      const position = this.position(dims);
      this.expect(')');
      return position;
    });
  }

  private srid(): void {
    SRID.lastIndex = this.pos;
    const match = SRID.exec(this.text);
    if (!match) return;
    const code = match[1] ?? '';
    // Coordinates in another CRS would be read as degrees and land somewhere absurd; refuse instead.
    if (!LONLAT_SRIDS.has(code)) this.fail('SRID=4326', `SRID=${code} (AOIs are lon/lat in EPSG:4326)`);
    this.pos = SRID.lastIndex;
    this.space();
  }

  private dims(): Dims {
    this.space();
    WORD.lastIndex = this.pos;
    const match = WORD.exec(this.text);
    const word = match?.[0].toUpperCase();
    const dims = word === undefined ? undefined : DIMS[word];
    if (dims) {
      this.pos = WORD.lastIndex;
      this.space();
      return dims;
    }
    return 'unspecified';
  }

  private emptyKeyword(): boolean {
    this.space();
    WORD.lastIndex = this.pos;
    const match = WORD.exec(this.text);
    if (match?.[0].toUpperCase() !== 'EMPTY') return false;
    this.pos = WORD.lastIndex;
    return true;
  }

  private multiPolygon(dims: Dims): Position[][][] {
    // `MULTIPOLYGON (EMPTY, ((...)))` is legal WKT; an empty member contributes nothing.
    return this.list(() => this.polygon(dims));
  }

  private polygon(dims: Dims): Position[][] {
    return this.list(() => this.ring(dims));
  }

  /** A ring or a line string: `(position, position, …)`. */
  private ring(dims: Dims): Position[] {
    this.expect('(');
    const ring: Position[] = [];
    do ring.push(this.position(dims));
    while (this.comma());
    this.expect(')');
    return ring;
  }

  private position(dims: Dims): Position {
    const values: number[] = [this.number(), this.number()];
    const wanted = dims === 'XY' ? 2 : dims === 'XYZ' || dims === 'XYM' ? 3 : dims === 'XYZM' ? 4 : undefined;
    while (values.length < (wanted ?? 4) && this.peekNumber()) values.push(this.number());
    if (wanted !== undefined && values.length < wanted) this.fail(`a number (${dims} positions have ${wanted})`);
    // GeoJSON's third value is a height; a measure (M) has no place in it.
    if (dims === 'XYM') return [values[0] as number, values[1] as number];
    return values.slice(0, 3);
  }

  private number(): number {
    this.space();
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) this.fail('a number');
    this.pos = NUMBER.lastIndex;
    return Number(match[0]);
  }

  private peekNumber(): boolean {
    this.space();
    NUMBER.lastIndex = this.pos;
    return NUMBER.test(this.text);
  }

  private word(expected: string): string {
    WORD.lastIndex = this.pos;
    const match = WORD.exec(this.text);
    if (!match) this.fail(expected);
    this.pos = WORD.lastIndex;
    return match[0];
  }

  private comma(): boolean {
    this.space();
    if (this.text[this.pos] !== ',') return false;
    this.pos++;
    return true;
  }

  private expect(char: string): void {
    this.space();
    if (this.text[this.pos] !== char) this.fail(`"${char}"`);
    this.pos++;
  }

  private space(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] as string)) this.pos++;
  }

  private fail(expected: string, found?: string, at = this.pos): never {
    const rest = this.text.slice(at);
    const shown = found ?? (rest === '' ? 'end of text' : JSON.stringify(rest.slice(0, 12)));
    throw new WktParseError(at, expected, shown);
  }
}

/** Parses POLYGON / MULTIPOLYGON WKT or EWKT; throws `WktParseError` saying where and what was expected. */
export function parseWkt(text: string): Polygon | MultiPolygon {
  return new Parser(text).parse(POLYGONS_ONLY) as Polygon | MultiPolygon;
}

/**
 * Parses any of the six simple-feature types (POINT, LINESTRING, POLYGON and their MULTI forms), with
 * the same leniency and errors as `parseWkt`.
 */
export function parseWktGeometry(text: string): WktGeometry {
  return new Parser(text).parse(ANY_GEOMETRY);
}

/**
 * Plain decimal notation: `1e-7` is valid WKT for GEOS but not for every provider's parser, and
 * `String()` switches to exponents below 1e-6. Digits are moved, never re-rounded, so the value
 * still reads back exactly.
 */
function formatNumber(value: number, precision: number | undefined): string {
  let n = precision === undefined ? value : Number(value.toFixed(precision));
  if (Object.is(n, -0)) n = 0;
  const text = String(n);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign = '', lead = '', tail = '', exp = '0'] = match;
  const digits = lead + tail;
  const e = Number(exp);
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  return `${sign}${digits}${'0'.repeat(Math.max(0, e - tail.length))}`;
}

export interface WktOptions {
  /** Decimal places to keep (6 ≈ 0.1 m); full precision when omitted. */
  precision?: number;
  /**
   * No space between the type and its coordinates, `POLYGON((…))`: the spelling OneAtlas uses in the
   * WKT it returns (tasking footprints and segment keys). Both spellings are valid WKT.
   */
  compact?: boolean;
}

function positionsOf(geometry: WktGeometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return geometry.coordinates.length > 0 ? [geometry.coordinates] : [];
    case 'LineString':
    case 'MultiPoint':
      return geometry.coordinates;
    case 'Polygon':
    case 'MultiLineString':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
  }
}

/** Writes WKT; heights are kept (`POLYGON Z`) only when every position has one. */
export function toWkt(geometry: WktGeometry, options: WktOptions = {}): string {
  const positions = positionsOf(geometry);
  const withZ = positions.length > 0 && positions.every((p) => p.length >= 3);
  const tag = `${TAGS[geometry.type]}${withZ ? ' Z' : ''}`;
  if (positions.length === 0) return `${tag} EMPTY`;
  const gap = options.compact ? '' : ' ';
  const position = (p: Position): string =>
    p
      .slice(0, withZ ? 3 : 2)
      .map((v) => formatNumber(v, options.precision))
      .join(' ');
  const path = (list: Position[]): string => `(${list.map(position).join(', ')})`;
  const polygon = (rings: Position[][]): string => (rings.length === 0 ? 'EMPTY' : `(${rings.map(path).join(', ')})`);
  switch (geometry.type) {
    case 'Point':
      return `${tag}${gap}(${position(geometry.coordinates)})`;
    case 'LineString':
      return `${tag}${gap}${path(geometry.coordinates)}`;
    case 'Polygon':
      return `${tag}${gap}${polygon(geometry.coordinates)}`;
    case 'MultiPoint':
      return `${tag}${gap}(${geometry.coordinates.map((p) => `(${position(p)})`).join(', ')})`;
    case 'MultiLineString':
      return `${tag}${gap}(${geometry.coordinates.map((l) => (l.length === 0 ? 'EMPTY' : path(l))).join(', ')})`;
    case 'MultiPolygon':
      return `${tag}${gap}(${geometry.coordinates.map(polygon).join(', ')})`;
  }
}
