import { PROGRAMMING_NOT_SENT, PROGRAMMING_PLACED, PROGRAMMING_REFUSED, PROGRAMMING_UNCONFIRMED, type ProgrammingOrder } from '../../../shared/domain/programming';
import { DeskFailure } from '../../errors';
import type { WithRaw } from '../../providers/types';
import type { ProgrammingOrdersRepo, ProgrammingRow } from '../../store/programming-orders-repo';

/**
 * The submit-once rule (docs/ARCHITECTURE.md §8) for programming orders. As in shared/submit-once the
 * row is written ('submitting') before the POST, and the POST is never repeated by the app. Unlike
 * there, nothing can reconcile by reference: the Origen programming guide documents no lookup by a
 * client reference. So an ambiguous failure (timeout, dropped connection, 5xx) leaves the order
 * 'unconfirmed' with the time and an instruction, and it is the user, knowing that, who decides.
 */

const minute = (iso: string) => iso.slice(0, 16).replace('T', ' ') + ' UTC';

export function unconfirmedMessage(at: string): string {
  return (
    `Origen did not answer after the order was sent at ${minute(at)}: it may or may not have been created. ` +
    'Imagery Desk will not send it again. Refresh the programming orders (where the service lists them), or ask Origen ' +
    'whether an order with this window and area exists, before confirming a new one.'
  );
}

type NewRow = Omit<ProgrammingRow, 'status' | 'orderNumber' | 'statusName' | 'message' | 'imagingTime'>;

export function createProgrammingSubmit(deps: { orders: ProgrammingOrdersRepo; now: () => string }) {
  return async (row: NewRow, send: () => Promise<WithRaw<{ orderNo: string }>>): Promise<ProgrammingOrder> => {
    deps.orders.createSubmitting(row);
    try {
      const { value, raw } = await send();
      const placed = deps.orders.record(row.id, { orderNumber: value.orderNo, status: PROGRAMMING_PLACED }, deps.now(), `created as ${value.orderNo}`, raw);
      if (!placed) throw new DeskFailure('NOT_FOUND', `Programming order ${value.orderNo} was created but its local record vanished.`);
      return placed;
    } catch (err) {
      const at = deps.now();
      if (err instanceof DeskFailure && err.code === 'ORDER_AMBIGUOUS') {
        const message = unconfirmedMessage(at);
        deps.orders.record(row.id, { status: PROGRAMMING_UNCONFIRMED, message }, at, err.message);
        throw new DeskFailure('ORDER_UNCONFIRMED', message, { ...err.details, orderId: row.id, at });
      }
      if (err instanceof DeskFailure && err.code === 'ORDER_UNCONFIRMED') throw err;
      // Refused for sure (the envelope said so, or nothing left): kept with the provider's words for audit.
      const message = err instanceof Error ? err.message : String(err);
      const unreachable = err instanceof DeskFailure && err.code === 'PROVIDER_UNREACHABLE';
      deps.orders.record(row.id, { status: unreachable ? PROGRAMMING_NOT_SENT : PROGRAMMING_REFUSED, message }, at, message);
      throw err;
    }
  };
}
export type ProgrammingSubmit = ReturnType<typeof createProgrammingSubmit>;
