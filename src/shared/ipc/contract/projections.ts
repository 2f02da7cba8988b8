import { z } from 'zod';
import { ProjectionInfoSchema } from '../../domain/projection';
import { channelsOf } from './define';

export const projectionsContract = channelsOf('projections')({
  'projections.lookup': {
    request: z.object({ codes: z.array(z.number().int().positive().max(999_999)).max(500) }).strict(),
    response: z.array(ProjectionInfoSchema),
  },
});
