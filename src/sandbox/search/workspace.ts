import { SANDBOX_USER } from '../accounts/products';
import type { SandboxState } from '../state';
import { findScene } from './catalogue';
import { uuidFrom, hash32 } from './ids';
import type { Item } from './query';

/**
 * The user's private workspace ("My Data"): products delivered by orders, searchable through the
 * opensearch `workspace` filter. The ordering module calls deliverToWorkspace when an order reaches
 * delivery. Archive orders also land here by themselves once their delivery time has passed on the
 * simulated clock (read from the accepted records, so search needs nothing from the ordering module).
 */

/** Public archive workspaces of the catalogue, by constellation family. */
export const PUBLIC_WORKSPACES = {
  public: { id: '8f1a3c52-7e4b-4d2a-9c61-0b5e2f7d1a34', title: 'Public' },
  'public-pneo': { id: '3e88441b-adc9-4be6-bd80-59d4fb69d5a7', title: 'Pléiades Neo public archive' },
} as const;

export interface Delivery {
  /** Catalogue item id or datastrip id of the ordered scene. */
  sceneId: string;
  customerReference?: string;
  /** Sales order id (OneAtlas `internalReference`). */
  orderId?: string;
  /** e.g. ORTHO, PROJECTED, PRIMARY, as ordered. */
  processingLevel?: string;
  deliveredAt?: Date;
}

const STORE = 'search.workspace';
const delivered = (state: SandboxState) => state.store<Item[]>(STORE, () => []);

/** Puts a delivered product in the user's workspace; returns it, or undefined for an unknown scene. */
export function deliverToWorkspace(state: SandboxState, d: Delivery): Item | undefined {
  const scene = findScene(state.seed, d.sceneId);
  if (!scene) return undefined;
  const at = (d.deliveredAt ?? state.now()).getTime();
  const items = delivered(state);
  const item: Item = {
    ...scene,
    // A delivered product is a new catalogue item in the user's workspace, not the archive item.
    id: uuidFrom(state.seed, hash32(...[...scene.id, ...(d.orderId ?? '')].map((c) => c.charCodeAt(0))), items.length),
    processingLevel: (d.processingLevel ?? 'ORTHO').toUpperCase(),
    publicationTime: at,
    publicationDate: new Date(at).toISOString(),
    extra: {
      customerReference: d.customerReference ?? '',
      internalReference: d.orderId ?? '',
      archiveItemId: scene.id,
    },
  };
  items.push(item);
  return item;
}

/** Is this workspace identifier the sandbox user's own (by id or name)? */
export const isUserWorkspace = (w: string): boolean => w === SANDBOX_USER.workspaceId || w === SANDBOX_USER.workspaceName;

export function workspaceItems(state: SandboxState): readonly Item[] {
  deliverDueOrders(state);
  return delivered(state);
}

interface OrderDataView {
  deliverAt?: number;
  status?: string;
  salesOrderId?: string;
  lines?: { datastripIds?: string[] }[];
}

/** Every archive scene of a OneAtlas order whose delivery time has come, delivered exactly once. */
function deliverDueOrders(state: SandboxState): void {
  const done = state.store<Set<string>>(`${STORE}.orders`, () => new Set());
  const now = state.now().getTime();
  for (const record of state.accepted) {
    if (record.provider !== 'oneatlas' || record.kind !== 'order') continue;
    const data = record.data as OrderDataView;
    if (data.deliverAt === undefined || data.deliverAt > now || data.status === 'CANCELLED') continue;
    for (const sceneId of (data.lines ?? []).flatMap((l) => l.datastripIds ?? [])) {
      const key = `${record.id}/${sceneId}`;
      if (done.has(key)) continue;
      done.add(key);
      deliverToWorkspace(state, { sceneId, orderId: data.salesOrderId ?? record.id, customerReference: record.customerReference, deliveredAt: new Date(data.deliverAt) });
    }
  }
}

export const USER_WORKSPACE = { id: SANDBOX_USER.workspaceId, name: SANDBOX_USER.workspaceName, title: 'My Data' };
