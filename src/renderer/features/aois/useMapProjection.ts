import { useCallback, useState } from 'react';
import type { ProjectionInfo } from '../../../shared/domain/projection';
import { messageOf } from '../../api/errors';
import { BUILTIN_PROJECTIONS } from '../../map/projections';
import type { AoiMapPort } from './mapPort';

/**
 * The map's CRS, chosen in the active AOI's details (the vertex table reads and writes in it). The
 * choice is kept only once the map has reprojected: a code it cannot use is refused with a notice.
 */
export function useMapProjection(map: AoiMapPort | undefined, notify: (text: string) => void) {
  const [projection, setProjection] = useState<ProjectionInfo>(BUILTIN_PROJECTIONS[3857]);
  const changeProjection = useCallback(
    (info: ProjectionInfo) => {
      try {
        map?.setProjection(info);
        setProjection(info);
      } catch (err) {
        notify(`EPSG:${info.code} cannot be used: ${messageOf(err)}`);
      }
    },
    [map, notify],
  );
  return { projection, changeProjection };
}
