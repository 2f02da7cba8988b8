import type { Aoi } from '../../../shared/domain/aoi';
import type { AccountsState } from '../../api/accountsState';

/** Price comparison: placeholder until the comparison feature lands (being built this session). */
export function ComparisonPanel(_props: { accounts: AccountsState; map: unknown; aois: Aoi[]; activeAoiId: string | null | undefined; notify(text: string): void }) {
  return <h2>Compare prices</h2>;
}
