import 'ol/ol.css';
import './map.css';
import { useEffect, useRef, useState } from 'react';
import type { JSX } from 'react';
import { MapController } from './MapController';
import type { ProjectedPointer } from './MapController';
import { formatCrsPosition, formatLatLon } from './formatCoordinate';

export interface MapViewProps {
  /** Called once the controller exists (again if the view is remounted with a new controller). */
  onReady?: (map: MapController) => void;
}

/**
 * The map canvas and its on-map chrome. The controller is created once per mount and owns the
 * OpenLayers map; this component only renders the container and the pointer readout.
 */
export function MapView(props: MapViewProps): JSX.Element {
  const regionRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const onReadyRef = useRef(props.onReady);
  const [pointer, setPointer] = useState<ProjectedPointer | null>(null);

  useEffect(() => {
    onReadyRef.current = props.onReady;
  }, [props.onReady]);

  useEffect(() => {
    const target = canvasRef.current;
    const region = regionRef.current;
    if (!target || !region) return undefined;
    const controller = new MapController({ target, keyboardEventTarget: region });
    const unsubscribe = controller.onPointerProjected(setPointer);
    // Panels around the map resize it without a window resize event.
    const observer = new ResizeObserver(() => controller.updateSize());
    observer.observe(target);
    onReadyRef.current?.(controller);
    return () => {
      observer.disconnect();
      unsubscribe();
      controller.dispose();
    };
  }, []);

  return (
    <div ref={regionRef} className="idm-map" role="region" aria-label="Map" tabIndex={0}>
      <div ref={canvasRef} className="idm-map__canvas" />
      {/* Polite live announcements on every pointer move would drown a screen reader. */}
      <div className="idm-map__readout" role="status" aria-label="Pointer coordinates" aria-live="off">
        {pointer ? formatCrsPosition(pointer.code, pointer.units, pointer) : '—'}
        {/* In a projected CRS the lon/lat stays useful (gazetteers, provider footprints). */}
        {pointer && pointer.units !== 'degree' ? (
          <span className="idm-map__readout-secondary">{formatLatLon(pointer.lat, pointer.lon)}</span>
        ) : null}
      </div>
    </div>
  );
}
