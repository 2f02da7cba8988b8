import type { FeatureHandlers } from '../../../shared/ipc/contract';
import type { OrdersService } from './service';

export function ordersHandlers(orders: OrdersService): FeatureHandlers<'orders'> {
  return {
    'orders.list': () => orders.list(),
    'orders.refresh': ({ accountId }) => orders.refresh(accountId),
  };
}
