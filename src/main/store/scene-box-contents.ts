import type { ListedScene, Scene } from '../../shared/domain/archive';
import { BOX_SLOTS } from './scene-boxes';
import { encodeFootprint, float64s, footprintAt, skipFootprint } from './scene-footprint';
import { isoDate, type CachedSceneItem } from './scene-rows';

/**
 * What lists, the map and cached queries read of up to 16 scenes stored together (a box, see
 * scene-boxes.ts), kept as one blob in `scene_box_contents`. Little-endian float64s:
 *   [box id, slot count n, footprint number count F, list text bytes L, source text bytes S,
 *    places (PLACE_WIDTH a slot), footprints (F numbers, scene-footprint.ts, slot order)]
 * then the UTF-8 list text (JSON `[labels, scene ids]`) and source text (JSON `[source ids]`), padded
 * to whole float64s. A place is the slot's exact bounds, date, cloud, incidence and resolution (NaN for
 * null), has quicklook, and the indices of its provider, constellation and satellite in `labels`.
 *
 * Why one blob a box: a cached query hands every box it meets from SQLite to JS as one concatenated
 * blob and turns only its hits into objects. Over 1M scenes a country query (1,200 hits) read 2,600
 * scene rows, and passing ten values a row (a Buffer each for footprints) was most of its time.
 */

const HEADER = 5;
export const PLACE_WIDTH = 12;
const enum Place {
  MinLon,
  MinLat,
  MaxLon,
  MaxLat,
  AcquiredAt,
  CloudCover,
  IncidenceAngle,
  ResolutionM,
  HasQuicklook,
  Provider,
  Constellation,
  Satellite,
}

/** What a box keeps of one scene. */
export interface SlotScene {
  provider: string;
  scene_id: string;
  source_id: string;
  constellation: string;
  satellite: string;
  acquired_at: number;
  cloud_cover: number | null;
  incidence_angle: number | null;
  resolution_m: number | null;
  has_quicklook: boolean;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  footprint: Scene['footprint'];
}

const orNaN = (n: number | null): number => (n === null ? NaN : n);
const orNull = (n: number): number | null => (Number.isNaN(n) ? null : n);
const padded = (bytes: number): number => Math.ceil(bytes / 8) * 8;

export function encodeBox(box: number, slots: readonly SlotScene[]): Buffer {
  if (slots.length > BOX_SLOTS) throw new Error(`a box holds at most ${BOX_SLOTS} scenes`);
  const labels: string[] = [];
  const label = (text: string): number => {
    const at = labels.indexOf(text);
    return at >= 0 ? at : labels.push(text) - 1;
  };
  const places = slots.flatMap((s) => [
    s.min_lon, s.min_lat, s.max_lon, s.max_lat, s.acquired_at, orNaN(s.cloud_cover), orNaN(s.incidence_angle), orNaN(s.resolution_m),
    s.has_quicklook ? 1 : 0, label(s.provider), label(s.constellation), label(s.satellite),
  ]);
  const footprints = Buffer.concat(slots.map((s) => encodeFootprint(s.footprint)));
  const list = Buffer.from(JSON.stringify([labels, slots.map((s) => s.scene_id)]));
  const sources = Buffer.from(JSON.stringify(slots.map((s) => s.source_id)));
  const numbers = new Float64Array([box, slots.length, footprints.length / 8, list.length, sources.length, ...places]);
  const blob = Buffer.alloc(numbers.byteLength + footprints.length + padded(list.length + sources.length));
  Buffer.from(numbers.buffer).copy(blob);
  footprints.copy(blob, numbers.byteLength);
  list.copy(blob, numbers.byteLength + footprints.length);
  sources.copy(blob, numbers.byteLength + footprints.length + list.length);
  return blob;
}

/**
 * One box read back from `bytes` (a contents blob, or several one after another from `byteOffset`);
 * slots are decoded only when asked for.
 */
export class BoxContents {
  readonly box: number;
  readonly size: number;
  /** Where the next box starts in `bytes`. */
  readonly end: number;
  private readonly numbers: Float64Array;
  private readonly placesAt: number;
  private readonly footprintsAt: number;
  private readonly textAt: number;
  private readonly listBytes: number;
  private readonly sourceBytes: number;
  private list: [string[], string[]] | undefined;
  private sources: string[] | undefined;
  private footprintStarts: number[] | undefined;

  constructor(
    private readonly bytes: Buffer,
    byteOffset = 0,
    all: Float64Array = float64s(bytes),
  ) {
    const at = byteOffset / 8;
    this.numbers = all;
    this.box = all[at] as number;
    this.size = all[at + 1] as number;
    const footprintNumbers = all[at + 2] as number;
    this.listBytes = all[at + 3] as number;
    this.sourceBytes = all[at + 4] as number;
    this.placesAt = at + HEADER;
    this.footprintsAt = this.placesAt + this.size * PLACE_WIDTH;
    this.textAt = (this.footprintsAt + footprintNumbers) * 8;
    this.end = this.textAt + padded(this.listBytes + this.sourceBytes);
    if (!(this.size >= 0 && this.size <= BOX_SLOTS && Number.isInteger(this.size) && this.end <= bytes.length)) throw new Error(`stored scene box ${this.box} is damaged`);
  }

  rowid(slot: number): number {
    return this.box * BOX_SLOTS + slot;
  }

  private place(slot: number, field: Place): number {
    return this.numbers[this.placesAt + slot * PLACE_WIDTH + field] as number;
  }

  acquiredAt(slot: number): number {
    return this.place(slot, Place.AcquiredAt);
  }

  /** [minLon, minLat, maxLon, maxLat] of the slot's footprint. */
  bounds(slot: number): [number, number, number, number] {
    return [this.place(slot, Place.MinLon), this.place(slot, Place.MinLat), this.place(slot, Place.MaxLon), this.place(slot, Place.MaxLat)];
  }

  /** Whether the slot's exact bounds meet [w, s, e, n] and its date is within [from, to]. */
  meets(slot: number, w: number, s: number, e: number, n: number, from: number, to: number): boolean {
    const p = this.numbers;
    const at = this.placesAt + slot * PLACE_WIDTH;
    const t = p[at + Place.AcquiredAt] as number;
    return (p[at + Place.MinLon] as number) <= e && (p[at + Place.MaxLon] as number) >= w && (p[at + Place.MinLat] as number) <= n
      && (p[at + Place.MaxLat] as number) >= s && t >= from && t <= to;
  }

  private texts(): [string[], string[]] {
    this.list ??= JSON.parse(this.bytes.toString('utf8', this.textAt, this.textAt + this.listBytes)) as [string[], string[]];
    return this.list;
  }

  private sourceId(slot: number): string {
    const start = this.textAt + this.listBytes;
    this.sources ??= JSON.parse(this.bytes.toString('utf8', start, start + this.sourceBytes)) as string[];
    return this.sources[slot] as string;
  }

  private footprint(slot: number): Scene['footprint'] {
    if (!this.footprintStarts) {
      const starts: number[] = [];
      for (let at = this.footprintsAt, i = 0; i < this.size; i++) {
        starts.push(at);
        at = skipFootprint(this.numbers, at);
      }
      this.footprintStarts = starts;
    }
    return footprintAt(this.numbers, this.footprintStarts[slot] as number);
  }

  /** The scene as a cached query lists it. */
  cachedItem(slot: number): CachedSceneItem {
    const [labels, ids] = this.texts();
    return {
      provider: labels[this.place(slot, Place.Provider)] as string,
      id: ids[slot] as string,
      acquisitionDate: isoDate(this.place(slot, Place.AcquiredAt)),
      constellation: labels[this.place(slot, Place.Constellation)] as string,
      satellite: labels[this.place(slot, Place.Satellite)] as string,
      cloudCover: orNull(this.place(slot, Place.CloudCover)),
      incidenceAngle: orNull(this.place(slot, Place.IncidenceAngle)),
      resolutionM: orNull(this.place(slot, Place.ResolutionM)),
      hasQuicklook: this.place(slot, Place.HasQuicklook) === 1,
      footprint: this.footprint(slot),
    };
  }

  /** The scene as a search's result list shows it. */
  listedScene(slot: number, aoiCoverage: number | null): ListedScene {
    const item = this.cachedItem(slot);
    return {
      id: item.id,
      sourceId: this.sourceId(slot),
      constellation: item.constellation,
      satellite: item.satellite,
      acquisitionDate: item.acquisitionDate,
      cloudCover: item.cloudCover,
      incidenceAngle: item.incidenceAngle,
      resolutionM: item.resolutionM,
      footprint: item.footprint,
      aoiCoverage,
      hasQuicklook: item.hasQuicklook,
    };
  }

  /** Every slot back as written, to rewrite one of them. */
  slots(): SlotScene[] {
    return Array.from({ length: this.size }, (_, slot) => {
      const s = this.cachedItem(slot);
      const [minLon, minLat, maxLon, maxLat] = this.bounds(slot);
      return {
        provider: s.provider,
        scene_id: s.id,
        source_id: this.sourceId(slot),
        constellation: s.constellation,
        satellite: s.satellite,
        acquired_at: this.acquiredAt(slot),
        cloud_cover: s.cloudCover,
        incidence_angle: s.incidenceAngle,
        resolution_m: s.resolutionM,
        has_quicklook: s.hasQuicklook,
        min_lon: minLon,
        min_lat: minLat,
        max_lon: maxLon,
        max_lat: maxLat,
        footprint: s.footprint,
      };
    });
  }
}

/** Every box in `bytes`, several contents blobs one after another. */
export function boxesIn(bytes: Buffer): BoxContents[] {
  const all = float64s(bytes);
  const boxes: BoxContents[] = [];
  for (let at = 0; at < bytes.length; ) {
    const box = new BoxContents(bytes, at, all);
    boxes.push(box);
    at = box.end;
  }
  return boxes;
}
