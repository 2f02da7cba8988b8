import { SANDBOX_USER } from '../accounts/products';
import type { SandboxState } from '../state';
import { sceneOfAcquisition, type Acquisition } from './acquiredScene';
import { findScene, type Scene } from './catalogue';
import { uuidFrom, hash32 } from './ids';
import type { Item } from './query';

/**
 * The user's private workspace ("My Data"): products delivered by orders, searchable through the
 * opensearch `workspace` filter. Modules deliver either by calling deliverToWorkspace, or by
 * registering a delivery source that lists what is due on the simulated clock; sources are read on
 * every workspace read and each delivery key lands once. Archive orders are such a source, read from
 * the accepted records, so search needs nothing from the ordering module; the tasking module
 * registers its validated acquisitions the same way.
 */

/** Public archive workspaces of the catalogue, by constellation family. */
export const PUBLIC_WORKSPACES = {
  public: { id: '8f1a3c52-7e4b-4d2a-9c61-0b5e2f7d1a34', title: 'Public' },
  'public-pneo': { id: '3e88441b-adc9-4be6-bd80-59d4fb69d5a7', title: 'Pléiades Neo public archive' },
} as const;

interface DeliveryCommon {
  customerReference?: string;
  /** Sales order id (OneAtlas `internalReference`). */
  orderId?: string;
  /** e.g. ORTHO, PROJECTED, PRIMARY, as ordered. */
  processingLevel?: string;
  deliveredAt?: Date;
  /** More identifiers to carry on the product (e.g. the tasking id), searchable as exact matches. */
  extra?: Record<string, string>;
}

/** An ordered archive scene, by catalogue item id or datastrip id. */
export interface SceneDelivery extends DeliveryCommon {
  sceneId: string;
}

/** A tasking acquisition, which no catalogue scene describes. */
export interface AcquisitionDelivery extends DeliveryCommon {
  acquisition: Acquisition;
}

export type Delivery = SceneDelivery | AcquisitionDelivery;

/** Lists deliveries due now; `deliver` ignores keys already delivered, so a source may repeat itself. */
export type DeliverySource = (state: SandboxState, deliver: (key: string, d: Delivery) => void) => void;

const STORE = 'search.workspace';
const delivered = (state: SandboxState) => state.store<Item[]>(STORE, () => []);
const sources: DeliverySource[] = [];

/** Modules register at import time; sources are read before every workspace read. */
export function registerDeliverySource(source: DeliverySource): void {
  sources.push(source);
}

function sceneOf(state: SandboxState, d: Delivery): Scene | undefined {
  return 'acquisition' in d ? sceneOfAcquisition(state.seed, d.acquisition) : findScene(state.seed, d.sceneId);
}

/** Puts a delivered product in the user's workspace; returns it, or undefined for an unknown scene. */
export function deliverToWorkspace(state: SandboxState, d: Delivery): Item | undefined {
  const scene = sceneOf(state, d);
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
      ...d.extra,
      customerReference: d.customerReference ?? '',
      internalReference: d.orderId ?? '',
      ...('acquisition' in d ? {} : { archiveItemId: scene.id }),
    },
  };
  items.push(item);
  return item;
}

/** Is this workspace identifier the sandbox user's own (by id or name)? */
export const isUserWorkspace = (w: string): boolean => w === SANDBOX_USER.workspaceId || w === SANDBOX_USER.workspaceName;

export function workspaceItems(state: SandboxState): readonly Item[] {
  const done = state.store<Set<string>>(`${STORE}.keys`, () => new Set());
  const deliver = (key: string, d: Delivery) => {
    if (done.has(key)) return;
    done.add(key);
    deliverToWorkspace(state, d);
  };
  dueOrders(state, deliver);
  for (const source of sources) source(state, deliver);
  return delivered(state);
}

/** A delivered product of the user's workspace, by its item id. */
export const findWorkspaceItem = (state: SandboxState, id: string): Item | undefined => workspaceItems(state).find((i) => i.id === id);

interface OrderDataView {
  deliverAt?: number;
  status?: string;
  salesOrderId?: string;
  lines?: { datastripIds?: string[] }[];
}

/** Every archive scene of a OneAtlas order whose delivery time has come. */
const dueOrders: DeliverySource = (state, deliver) => {
  const now = state.now().getTime();
  for (const record of state.accepted) {
    if (record.provider !== 'oneatlas' || record.kind !== 'order') continue;
    const data = record.data as OrderDataView;
    if (data.deliverAt === undefined || data.deliverAt > now || data.status === 'CANCELLED') continue;
    for (const sceneId of (data.lines ?? []).flatMap((l) => l.datastripIds ?? [])) {
      deliver(`order/${record.id}/${sceneId}`, {
        sceneId,
        orderId: data.salesOrderId ?? record.id,
        ...(record.customerReference ? { customerReference: record.customerReference } : {}),
        deliveredAt: new Date(data.deliverAt),
      });
    }
  }
};

export const USER_WORKSPACE = { id: SANDBOX_USER.workspaceId, name: SANDBOX_USER.workspaceName, title: 'My Data' };
