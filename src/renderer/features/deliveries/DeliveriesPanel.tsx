import type { AccountsState } from '../../api/accountsState';

/** "My data": placeholder until the deliveries feature lands (being built this session). */
export function DeliveriesPanel(_props: { accounts: AccountsState; map: unknown; active: boolean; notify(text: string): void }) {
  return <h2>My data</h2>;
}
