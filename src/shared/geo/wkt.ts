import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Well-Known Text for the two AOI geometry types (OGC 06-103r4 §7, plus PostGIS EWKT's `SRID=n;`
 * prefix because that is what analysts copy out of PostGIS and QGIS). The GeoAPI legacy search takes
 * WKT and analysts paste it, so the parser is strict about structure (errors name the character
 * offset and what was expected) but lenient about spelling: any case, any whitespace, and
 * coordinates with an undeclared third or fourth value, as several tools emit them.
 *
 * Only syntax is checked here; whether the polygon is a valid AOI is `checkAoiGeometry`'s job.
 */

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

  parse(): Polygon | MultiPolygon {
    this.space();
    this.srid();
    const word = this.word('POLYGON or MULTIPOLYGON').toUpperCase();
    // PostGIS's EWKT glues the dimension to the type (POLYGONM); OGC separates it (POLYGON M).
    const glued = /^(POLYGON|MULTIPOLYGON)(ZM|Z|M)?$/.exec(word);
    if (!glued) this.fail('POLYGON or MULTIPOLYGON', `${word} (only polygons can be AOIs)`, this.pos - word.length);
    const type = glued[1] as 'POLYGON' | 'MULTIPOLYGON';
    const dims = (glued[2] && DIMS[glued[2]]) || this.dims();
    let geometry: Polygon | MultiPolygon;
    if (this.emptyKeyword()) {
      geometry = type === 'POLYGON' ? { type: 'Polygon', coordinates: [] } : { type: 'MultiPolygon', coordinates: [] };
    } else if (type === 'POLYGON') {
      geometry = { type: 'Polygon', coordinates: this.polygon(dims) };
    } else {
      geometry = { type: 'MultiPolygon', coordinates: this.multiPolygon(dims) };
    }
    this.space();
    if (this.pos < this.text.length) this.fail('end of text');
    return geometry;
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
    this.expect('(');
    const polygons: Position[][][] = [];
    do {
      // `MULTIPOLYGON (EMPTY, ((...)))` is legal WKT; an empty member contributes nothing.
      if (this.emptyKeyword()) continue;
      polygons.push(this.polygon(dims));
    } while (this.comma());
    this.expect(')');
    return polygons;
  }

  private polygon(dims: Dims): Position[][] {
    this.expect('(');
    const rings: Position[][] = [];
    do {
      if (this.emptyKeyword()) continue;
      rings.push(this.ring(dims));
    } while (this.comma());
    this.expect(')');
    return rings;
  }

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
  return new Parser(text).parse();
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
}

/** Writes WKT; heights are kept (`POLYGON Z`) only when every position has one. */
export function toWkt(geometry: Polygon | MultiPolygon, options: WktOptions = {}): string {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const positions = polygons.flat(2);
  const withZ = positions.length > 0 && positions.every((p) => p.length >= 3);
  const tag = `${geometry.type === 'Polygon' ? 'POLYGON' : 'MULTIPOLYGON'}${withZ ? ' Z' : ''}`;
  if (positions.length === 0) return `${tag} EMPTY`;
  const position = (p: Position): string =>
    p
      .slice(0, withZ ? 3 : 2)
      .map((v) => formatNumber(v, options.precision))
      .join(' ');
  const polygon = (rings: Position[][]): string =>
    rings.length === 0 ? 'EMPTY' : `(${rings.map((ring) => `(${ring.map(position).join(', ')})`).join(', ')})`;
  if (geometry.type === 'Polygon') return `${tag} ${polygon(geometry.coordinates)}`;
  return `${tag} (${geometry.coordinates.map(polygon).join(', ')})`;
}
