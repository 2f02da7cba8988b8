import type { Account } from '../../../shared/domain/account';
import type { Scene } from '../../../shared/domain/archive';
import type { ComparisonCandidate } from '../../../shared/domain/comparison';
import { sceneFitsMission } from '../../../shared/domain/mission';
import { hasCapability } from '../../../shared/domain/providers';
import { archiveLabel, taskingLabel } from './labels';
import type { ComparisonPorts } from './ports';

export interface Candidates {
  candidates: ComparisonCandidate[];
  problems: { accountName: string; message: string }[];
}

/** An account that cannot be read is named with its reason; the others are still offered. */
const reasonOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * The archive offers for the given scenes: every archive product type, of every contract of the
 * account the search ran with, whose mission fits the scene. A scene id is that provider's own (a
 * OneAtlas catalogue id, a GeoAPI legacy id) and the archive room orders it only with that account.
 */
async function archiveCandidates(ports: ComparisonPorts, account: Account, searchId: string, scenes: Scene[]): Promise<ComparisonCandidate[]> {
  const out: ComparisonCandidate[] = [];
  for (const contract of await ports.archive.contracts(account.id)) {
    const products = await ports.archive.productTypes(account.id, contract.contractId);
    for (const scene of scenes) {
      for (const product of products) {
        if (sceneFitsMission(scene, product.mission) === false) continue;
        out.push({
          offer: { kind: 'archive', accountId: account.id, contractId: contract.contractId, productTypeId: product.productTypeId, searchId, sceneId: scene.id },
          label: archiveLabel(account, product, scene),
        });
      }
    }
  }
  return out;
}

/** Every tasking product type of every contract of a tasking account. */
async function taskingCandidates(ports: ComparisonPorts, account: Account): Promise<ComparisonCandidate[]> {
  const out: ComparisonCandidate[] = [];
  for (const contract of await ports.archive.contracts(account.id)) {
    for (const product of await ports.tasking.productTypes(account.id, contract.contractId)) {
      out.push({ offer: { kind: 'tasking', accountId: account.id, contractId: contract.contractId, productTypeId: product.productTypeId }, label: taskingLabel(account, product) });
    }
  }
  return out;
}

export async function findCandidates(ports: ComparisonPorts, aoiId: string, searchId: string | null, sceneIds: string[]): Promise<Candidates> {
  ports.aoi(aoiId); // the AOI must exist: NOT_FOUND otherwise, like every other channel naming one
  const accounts = await ports.accounts();
  const reads: { account: Account; read: () => Promise<ComparisonCandidate[]> }[] = [];
  const problems: Candidates['problems'] = [];

  if (searchId !== null && sceneIds.length > 0) {
    const { search, scenes } = ports.archive.scenesOf(searchId, sceneIds);
    const account = accounts.find((a) => a.id === search.accountId);
    if (!account) problems.push({ accountName: search.accountLabel, message: 'This search was made with an account that no longer exists.' });
    else if (hasCapability(account.provider, 'archive')) reads.push({ account, read: () => archiveCandidates(ports, account, searchId, scenes) });
  }
  for (const account of accounts.filter((a) => hasCapability(a.provider, 'tasking'))) reads.push({ account, read: () => taskingCandidates(ports, account) });

  // Accounts are read side by side; the answer keeps the order above (archive scenes first).
  const settled = await Promise.allSettled(reads.map((r) => r.read()));
  const candidates: ComparisonCandidate[] = [];
  const named = new Set<string>();
  settled.forEach((s, i) => {
    const { account } = reads[i]!;
    if (s.status === 'fulfilled') candidates.push(...s.value);
    else if (!named.has(account.id)) {
      named.add(account.id);
      problems.push({ accountName: account.label, message: reasonOf(s.reason) });
    }
  });
  return { candidates, problems };
}
