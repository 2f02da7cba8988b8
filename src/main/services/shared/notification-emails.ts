import { notificationEmailsProblem } from '../../../shared/domain/notification-emails';
import { DeskFailure } from '../../errors';

/**
 * OneAtlas archive orders and quotations name who is e-mailed about them (the OpenAPI's archive order
 * schemas require `notificationEmails`): refused here, before anything is sent. GeoAPI takes none.
 */
export function refuseWithoutNotificationEmails(provider: string, emails: readonly string[]): void {
  if (provider !== 'oneatlas') return;
  const problem = notificationEmailsProblem(emails, 'order');
  if (problem !== null) throw new DeskFailure('INVALID_REQUEST', problem, { field: 'notificationEmails' });
}
