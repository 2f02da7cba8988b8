import type ImageTile from 'ol/ImageTile';
import TileLayer from 'ol/layer/Tile';
import type Tile from 'ol/Tile';
import TileState from 'ol/TileState';
import XYZ from 'ol/source/XYZ';

/** A tile of a local file as main answers it (base64), or null where the file has none. */
export type LocalTileFetch = (z: number, x: number, y: number) => Promise<{ data: string; type: string } | null>;

/** The basemap drawn over Natural Earth: none (offline only), an online tile service, or a local file. */
export type BasemapChoice =
  | { kind: 'offline'; id: string }
  | { kind: 'online'; id: string; template: string; attribution: string; maxZoom: number }
  | { kind: 'local'; id: string; attribution: string; minZoom: number; maxZoom: number; fetchTile: LocalTileFetch };

/** `offline`: the last tiles all failed (no network, server down); Natural Earth shows through. */
export type BasemapStatus = 'idle' | 'loading' | 'ok' | 'offline';

/** Consecutive failures, without a success between, after which the source is called offline. */
const FAILURES_FOR_OFFLINE = 3;

function base64ToBlob(data: string, type: string): Blob {
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type });
}

/**
 * Tiles of a local MBTiles/PMTiles file come from main over the IPC channel and are handed to the
 * image as blob: URLs (the CSP's img-src allows blob:), revoked once decoded.
 */
function localSource(choice: Extract<BasemapChoice, { kind: 'local' }>): XYZ {
  return new XYZ({
    attributions: choice.attribution || undefined,
    minZoom: choice.minZoom,
    maxZoom: choice.maxZoom,
    tileUrlFunction: (coord) => `${coord[0]}/${coord[1]}/${coord[2]}`,
    tileLoadFunction: (tile: Tile, src: string) => {
      const [z = 0, x = 0, y = 0] = src.split('/').map(Number);
      const imageTile = tile as ImageTile;
      choice.fetchTile(z, x, y).then(
        (found) => {
          if (!found) {
            imageTile.setState(TileState.EMPTY);
            return;
          }
          const image = imageTile.getImage() as HTMLImageElement;
          const url = URL.createObjectURL(base64ToBlob(found.data, found.type));
          const revoke = () => URL.revokeObjectURL(url);
          image.addEventListener('load', revoke, { once: true });
          image.addEventListener('error', revoke, { once: true });
          image.src = url;
        },
        () => imageTile.setState(TileState.ERROR),
      );
    },
  });
}

/**
 * The chosen basemap's tile layer, watched for failures. Online tiles are requested with CORS
 * (crossOrigin 'anonymous', which OpenStreetMap and most tile services answer) so that the map
 * canvas stays readable for exports and tests.
 */
export function createTileBasemap(choice: Exclude<BasemapChoice, { kind: 'offline' }>, onStatus: (status: BasemapStatus) => void): TileLayer<XYZ> {
  const source =
    choice.kind === 'online'
      ? new XYZ({ url: choice.template, crossOrigin: 'anonymous', attributions: choice.attribution || undefined, maxZoom: choice.maxZoom })
      : localSource(choice);
  let failures = 0;
  let status: BasemapStatus = 'idle';
  const set = (next: BasemapStatus) => {
    if (next !== status) onStatus((status = next));
  };
  source.on('tileloadstart', () => {
    if (status === 'idle') set('loading');
  });
  source.on('tileloadend', () => {
    failures = 0;
    set('ok');
  });
  source.on('tileloaderror', () => {
    failures++;
    if (failures >= FAILURES_FOR_OFFLINE) set('offline');
  });
  return new TileLayer({ source, properties: { name: `basemap-${choice.id}` }, preload: 0 });
}
