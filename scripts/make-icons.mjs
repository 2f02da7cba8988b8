// `node scripts/make-icons.mjs`: regenerates every raster of the app icon from its two SVG sources.
//
//   resources/icon.svg        the icon (48 px and up: window, dock, installers)
//   resources/icon-small.svg  the same icon redrawn for 16–32 px (no fine lines that would blur)
//
// Writes resources/icons/icon-<size>.png (16 … 1024), resources/icon.png (512, the window icon),
// resources/icon.ico (Windows, 16–256), resources/icon.icns (macOS, 16–1024), and the browser-mode
// favicons in src/renderer/public. The outputs are committed, so neither CI nor a build needs this.
//
// Needs: rsvg-convert (Debian/Ubuntu: apt-get install librsvg2-bin; macOS: brew install librsvg).
// The .ico and .icns containers are written here (PNG entries), so no ImageMagick or png2icns is needed;
// `icns2png -l resources/icon.icns` (apt icnsutils) lists the result if you want to check it.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const res = join(root, 'resources');
const out = join(res, 'icons');
const pub = join(root, 'src/renderer/public');

const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
/** Below this the detailed drawing turns to mush: the small cut is used instead. */
const SMALL_UP_TO = 32;

function rasterise(size) {
  const source = join(res, size <= SMALL_UP_TO ? 'icon-small.svg' : 'icon.svg');
  try {
    return execFileSync('rsvg-convert', ['--width', String(size), '--height', String(size), source]);
  } catch (err) {
    if (err.code === 'ENOENT') {
      console.error('make-icons: rsvg-convert not found. Install librsvg2-bin (apt) or librsvg (brew).');
      process.exit(1);
    }
    throw err;
  }
}

/** Windows .ico with PNG entries (Vista and later read them; 256 is stored as width/height 0). */
function ico(entries) {
  const header = Buffer.alloc(6 + 16 * entries.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(entries.length, 4);
  let offset = header.length;
  entries.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt8(0, at + 2); // no palette
    header.writeUInt8(0, at + 3);
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...entries.map((e) => e.png)]);
}

/** macOS .icns with PNG entries, by the OSType of each size (the @2x types reuse the larger PNGs). */
const ICNS_TYPES = [
  ['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512],
  ['ic10', 1024], ['ic11', 32], ['ic12', 64], ['ic13', 256], ['ic14', 512],
];
function icns(pngOf) {
  const chunks = ICNS_TYPES.map(([type, size]) => {
    const png = pngOf(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

mkdirSync(out, { recursive: true });
const pngs = new Map(SIZES.map((size) => [size, rasterise(size)]));
const pngOf = (size) => pngs.get(size) ?? rasterise(size);
for (const [size, png] of pngs) writeFileSync(join(out, `icon-${size}.png`), png);
writeFileSync(join(res, 'icon.png'), pngOf(512));
writeFileSync(join(res, 'icon.ico'), ico([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: pngOf(size) }))));
writeFileSync(join(res, 'icon.icns'), icns(pngOf));

// Browser mode: the small cut as the SVG favicon (tabs draw it at 16 px), PNG fallbacks, and the
// home-screen icon (iOS draws its own rounded corners over the full square).
copyFileSync(join(res, 'icon-small.svg'), join(pub, 'favicon.svg'));
writeFileSync(join(pub, 'favicon-32.png'), pngOf(32));
writeFileSync(join(pub, 'apple-touch-icon.png'), rasterise(180));

const bytes = (p) => readFileSync(p).length;
console.log(`make-icons: ${SIZES.length} PNGs, icon.ico (${bytes(join(res, 'icon.ico'))} B), icon.icns (${bytes(join(res, 'icon.icns'))} B), favicons`);
