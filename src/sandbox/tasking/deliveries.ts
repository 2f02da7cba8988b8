import { satelliteByPlatform } from '../search/orbits';
import { registerDeliverySource } from '../search/workspace';
import { PROCESSING_MS, segmentJson, segmentsOf, taskingStore } from './taskings';

/**
 * Validated tasking acquisitions land in the user's workspace ("My Data"), as OneAtlas delivers them
 * (One Tasking guide, step 9): one product per validated segment, once, carrying the tasking's
 * customer reference, its sales order id as internalReference and the tasking id. A segment the
 * system validated arrives when its processing is done; one the buyer accepted, when it was accepted
 * (first seen validated).
 */
registerDeliverySource((state, deliver) => {
  const now = state.now();
  for (const t of taskingStore(state).taskings.values()) {
    for (const s of segmentsOf(t, now).segments) {
      const platform = satelliteByPlatform(s.planned.satellite)?.platform;
      if (s.status !== 'Validated' || !platform) continue;
      const p = s.planned;
      // The product repeats what the segment told the buyer (its date is to the second).
      const seen = segmentJson(t, s).asDetail1;
      deliver(`tasking/${t.id}/${s.id}`, {
        acquisition: {
          sourceIdentifier: seen.catalogId,
          platform,
          acquiredAt: new Date(seen.acquisitionDate),
          footprint: p.ring,
          incidenceAngle: p.incidence,
          cloudCover: p.cloud,
        },
        orderId: t.sal,
        ...(t.customerRef ? { customerReference: t.customerRef } : {}),
        deliveredAt: t.decisions.has(s.index) ? now : new Date(p.time.getTime() + PROCESSING_MS),
        extra: { taskingId: t.id, segmentId: s.id },
      });
    }
  }
});
