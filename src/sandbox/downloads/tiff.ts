/**
 * The header of a delivered product file: a little-endian TIFF with one IFD describing a single-band
 * 8-bit image stored as one uncompressed strip, plus the GeoTIFF tags that place it on its footprint's
 * bounding box in EPSG:4326. The pixels are whatever follows the header (the caller's filler), so any
 * TIFF reader opens the file, and GDAL georeferences it.
 */

export interface TiffSpec {
  /** Total file size: the image is as large as fits after the header. */
  sizeBytes: number;
  /** [west, south, east, north] in degrees. */
  bbox: readonly [number, number, number, number];
  description: string;
}

const SHORT = 3;
const LONG = 4;
const ASCII = 2;
const DOUBLE = 12;
const TYPE_BYTES: Record<number, number> = { [SHORT]: 2, [LONG]: 4, [ASCII]: 1, [DOUBLE]: 8 };

interface Entry {
  tag: number;
  type: number;
  values: number[] | string;
}

const count = (e: Entry) => (typeof e.values === 'string' ? e.values.length + 1 : e.values.length);

function writeValues(buf: Buffer, at: number, e: Entry): void {
  if (typeof e.values === 'string') {
    buf.write(e.values, at, 'latin1');
    buf[at + e.values.length] = 0;
    return;
  }
  e.values.forEach((v, i) => {
    if (e.type === SHORT) buf.writeUInt16LE(v, at + 2 * i);
    else if (e.type === LONG) buf.writeUInt32LE(v, at + 4 * i);
    else buf.writeDoubleLE(v, at + 8 * i);
  });
}

/** The header bytes; pixel data starts right after them (16-byte aligned) and fills the file. */
export function tiffHeader(spec: TiffSpec): Buffer {
  // Printable ASCII only, short: TIFF ASCII fields are 7-bit.
  const description = spec.description.replace(/[^\x20-\x7e]/g, '_').slice(0, 120);
  const entries = (dataOffset: number, width: number, height: number): Entry[] => {
    const [west, south, east, north] = spec.bbox;
    return [
      { tag: 256, type: LONG, values: [width] }, // ImageWidth
      { tag: 257, type: LONG, values: [height] }, // ImageLength
      { tag: 258, type: SHORT, values: [8] }, // BitsPerSample
      { tag: 259, type: SHORT, values: [1] }, // Compression: none
      { tag: 262, type: SHORT, values: [1] }, // PhotometricInterpretation: BlackIsZero
      { tag: 270, type: ASCII, values: description }, // ImageDescription
      { tag: 273, type: LONG, values: [dataOffset] }, // StripOffsets
      { tag: 277, type: SHORT, values: [1] }, // SamplesPerPixel
      { tag: 278, type: LONG, values: [height] }, // RowsPerStrip
      { tag: 279, type: LONG, values: [width * height] }, // StripByteCounts
      { tag: 284, type: SHORT, values: [1] }, // PlanarConfiguration: contiguous
      { tag: 33550, type: DOUBLE, values: [(east - west) / width, (north - south) / height, 0] }, // ModelPixelScale
      { tag: 33922, type: DOUBLE, values: [0, 0, 0, west, north, 0] }, // ModelTiepoint
      // GeoKeyDirectory: version 1.1.0, 3 keys: geographic model, pixel is area, WGS 84.
      { tag: 34735, type: SHORT, values: [1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326] },
    ];
  };

  // Layout: 8-byte header, the IFD, then the values too large to sit inside their entry.
  const ifdOffset = 8;
  const entryCount = entries(0, 1, 1).length;
  let extraOffset = ifdOffset + 2 + 12 * entryCount + 4;
  const placed = entries(0, 1, 1).map((e) => {
    const bytes = count(e) * (TYPE_BYTES[e.type] as number);
    if (bytes <= 4) return undefined;
    const at = extraOffset;
    extraOffset += bytes + (bytes % 2); // values start on word boundaries
    return at;
  });
  const dataOffset = Math.ceil(extraOffset / 16) * 16;
  const pixels = Math.max(1, spec.sizeBytes - dataOffset);
  const width = Math.max(1, Math.min(8192, Math.floor(Math.sqrt(pixels))));
  const height = Math.max(1, Math.floor(pixels / width));

  const buf = Buffer.alloc(dataOffset);
  buf.write('II', 0, 'latin1');
  buf.writeUInt16LE(42, 2);
  buf.writeUInt32LE(ifdOffset, 4);
  buf.writeUInt16LE(entryCount, ifdOffset);
  entries(dataOffset, width, height).forEach((e, i) => {
    const at = ifdOffset + 2 + 12 * i;
    buf.writeUInt16LE(e.tag, at);
    buf.writeUInt16LE(e.type, at + 2);
    buf.writeUInt32LE(count(e), at + 4);
    const outOfLine = placed[i];
    if (outOfLine === undefined) writeValues(buf, at + 8, e);
    else {
      buf.writeUInt32LE(outOfLine, at + 8);
      writeValues(buf, outOfLine, e);
    }
  });
  buf.writeUInt32LE(0, ifdOffset + 2 + 12 * entryCount); // no next IFD
  return buf;
}
