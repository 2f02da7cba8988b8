import type { Polygon } from 'geojson';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DeliveredProduct } from '../../../shared/domain/deliveries';
import { call } from '../../api/client';
import { errorOf, type ShownError } from '../../api/errors';
import type { DeliveriesMapPort, DeliveryItem } from '../../map/deliveriesPort';
import { footprintLabel } from './deliveryText';

export type QuicklookState = { productId: string; status: 'shown'; cached: boolean } | { productId: string; status: 'error'; error: ShownError };

/** The quicklook is draped on one polygon: a footprint in parts (across ±180) lends it its largest. */
function drapeOn(footprint: DeliveredProduct['footprint']): Polygon {
  if (footprint.type === 'Polygon') return footprint as Polygon;
  const parts = footprint.coordinates as Polygon['coordinates'][];
  const size = (rings: Polygon['coordinates']) => rings[0]?.length ?? 0;
  const largest = parts.reduce((best, rings) => (size(rings) > size(best) ? rings : best), parts[0] ?? []);
  return { type: 'Polygon', coordinates: largest };
}

/**
 * Hover and selection shared by the list and the map (the state lives here; the map is told through
 * the port and reports its own hovers and clicks back). Selecting a product zooms to it and drapes its
 * quicklook, read through main (stored, so offline too). Hidden section: the layers leave the map.
 */
export function useDeliveriesOnMap(args: { map: DeliveriesMapPort | undefined; active: boolean; accountId: string | null; products: readonly DeliveredProduct[]; downloaded: ReadonlySet<string> }) {
  const { map, active, accountId, products, downloaded } = args;
  const [hoveredId, setHoveredId] = useState<string | null>(null);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [quicklook, setQuicklook] = useState<QuicklookState | null>(null);
  // A product of another account (or gone after a refresh) is not selected: derived, not reset by an effect.
  const selected = chosenId ? products.find((p) => p.id === chosenId) : undefined;
  const selectedId = selected?.id ?? null;

  const items = useMemo<DeliveryItem[]>(
    () => products.map((p) => ({ id: p.id, footprint: p.footprint as DeliveryItem['footprint'], downloaded: downloaded.has(p.id), label: footprintLabel(p) })),
    [products, downloaded],
  );
  const shown = active && !!map;
  const selectedRef = useRef(selectedId);
  const hoveredRef = useRef(hoveredId);
  useEffect(() => {
    selectedRef.current = selectedId;
    hoveredRef.current = hoveredId;
  }, [selectedId, hoveredId]);

  useEffect(() => {
    if (!map) return;
    map.setDeliveries(shown ? items : []);
    // New features: the highlight and the selection are drawn on them again.
    map.setDeliveryHighlighted(shown ? hoveredRef.current : null);
    map.setDeliverySelected(shown ? selectedRef.current : null);
  }, [map, shown, items]);
  useEffect(() => {
    if (shown) map?.setDeliveryHighlighted(hoveredId);
  }, [map, shown, hoveredId]);
  useEffect(() => {
    if (shown) map?.setDeliverySelected(selectedId);
  }, [map, shown, selectedId]);
  // Unmounting (another section) takes the footprints and the quicklook with it.
  useEffect(
    () => () => {
      map?.setDeliveries([]);
      map?.showDeliveryQuicklook(null);
    },
    [map],
  );

  // A newly listed account's products are brought into view once (not on every refresh).
  const fittedFor = useRef<string | null>(null);
  const count = items.length;
  useEffect(() => {
    if (!shown || !accountId || count === 0 || fittedFor.current === accountId) return;
    fittedFor.current = accountId;
    map?.zoomToDeliveries();
  }, [map, shown, accountId, count]);

  useEffect(() => {
    if (!map || !shown) return;
    const offs = [map.onDeliveryHover(setHoveredId), map.onDeliveryClick((id) => setChosenId(id))];
    return () => offs.forEach((off) => off());
  }, [map, shown]);

  useEffect(() => {
    if (!map) return;
    if (!shown || !selected || !accountId) {
      map.showDeliveryQuicklook(null);
      return;
    }
    let cancelled = false;
    const { id, footprint } = selected;
    call('deliveries.quicklook', { accountId, productId: id }).then(
      (q) => {
        if (cancelled) return;
        map.showDeliveryQuicklook({ id, dataUrl: q.dataUrl, footprint: drapeOn(footprint) });
        setQuicklook({ productId: id, status: 'shown', cached: q.cached });
      },
      (err: unknown) => {
        if (cancelled) return;
        map.showDeliveryQuicklook(null);
        setQuicklook({ productId: id, status: 'error', error: errorOf(err) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [map, shown, selected, accountId]);

  const select = useCallback(
    (id: string | null, zoom = true) => {
      setChosenId(id);
      if (zoom && id) map?.setDeliverySelected(id, { zoom: true });
    },
    [map],
  );
  const zoomTo = useCallback((id: string) => map?.setDeliverySelected(id, { zoom: true }), [map]);

  const shownQuicklook = quicklook && quicklook.productId === selectedId ? quicklook : null;
  return { hoveredId, setHoveredId, selected, selectedId, select, zoomTo, quicklook: shownQuicklook, quicklookLoading: !!selected && !shownQuicklook };
}
