import type { Polygon } from 'geojson';

/** One acquisition attempt (ONEDAY/ONENOW) as the map draws it; `incidenceAngle` drives the colour. */
export interface AttemptItem {
  id: string;
  footprint: Polygon;
  incidenceAngle: number | null;
  /** Past its order deadline: drawn dashed and faded, still hoverable (the list says why it cannot be chosen). */
  expired: boolean;
  /** Tooltip text, e.g. "PHR1A · 2026-12-05 10:42 UTC · 12.3°". */
  label: string;
}

/** One acquired (or proposed) segment of a tasking; `status` drives the style (Proposed/Validated/Refused/other). */
export interface SegmentItem {
  id: string;
  footprint: Polygon;
  status: string;
  label: string;
}

/** The AOI of a feasibility answer, styled by its classification (EASY, CHALLENGING) or as not available. */
export interface FeasibilityItem {
  aoi: Polygon;
  classification: 'EASY' | 'CHALLENGING' | null;
  available: boolean;
  /** e.g. "Feasibility: EASY (automatic)". */
  label: string;
}

/**
 * What the Tasking section needs from the map; MapController provides it. Like the archive port, hover
 * and selection travel both ways: the list pushes them in, the map reports its own through callbacks, and
 * the caller keeps the one state. Attempts, feasibility and segments are the layers-panel entries
 * 'attempts', 'feasibility' and 'segments'.
 *
 * The map draws these layers above the archive footprints: where the pointer is over a shown attempt or
 * segment, only the tasking callbacks hear the hover and the click (the archive's stay quiet), and
 * neither reacts while an AOI is being drawn. The map's own hover shows a tooltip with the item's
 * `label`; repeated clicks on one spot step through stacked items, smallest first. Incidence colours
 * for the list and a legend: incidenceColours.ts.
 */
export interface TaskingMapPort {
  /** Replaces every attempt (hundreds must stay smooth); [] clears them. */
  setAttempts(items: AttemptItem[]): void;
  setAttemptHighlighted(id: string | null): void;
  /** `zoom` brings the selected attempt into view when it is not. */
  setAttemptSelected(id: string | null, opts?: { zoom?: boolean }): void;
  onAttemptHover(cb: (id: string | null) => void): () => void;
  onAttemptClick(cb: (id: string) => void): () => void;

  /** The feasibility answer's AOI styled by classification; null clears it. */
  setFeasibility(item: FeasibilityItem | null): void;

  /** A tasking's AOI outline and its segments; (null, []) clears them. */
  setTaskingSegments(aoi: Polygon | null, items: SegmentItem[]): void;
  setSegmentHighlighted(id: string | null): void;
  /** `zoom` brings the selected segment into view when it is not. */
  setSegmentSelected(id: string | null, opts?: { zoom?: boolean }): void;
  onSegmentHover(cb: (id: string | null) => void): () => void;
  onSegmentClick(cb: (id: string) => void): () => void;

  /**
   * Fits the view to what the tasking layers show (attempts, feasibility AOI or tasking AOI and segments;
   * layers switched off in the layers panel are left out unless all are), never closer than a city.
   */
  zoomToTasking(): void;
}
