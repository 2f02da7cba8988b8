import type { Account } from '../../../shared/domain/account';
import type { Aoi } from '../../../shared/domain/aoi';
import type { Contract, OrderDraft, PriceQuote, ProductCatalogue, ProductType, Scene, SearchSummary } from '../../../shared/domain/archive';
import type { AttemptSet, Feasibility, TaskingDraft, TaskingPrice, TaskingProductType, TaskingQuery } from '../../../shared/domain/tasking';

/**
 * What the comparison room asks of the others, passed in by desk.ts: the archive and tasking rooms'
 * own use cases (so a compared price is exactly the price their flows would ask), never their internals.
 */
export interface ArchivePort {
  contracts(accountId: string): Promise<Contract[]>;
  /** Archive product types of one contract. */
  productTypes(accountId: string, contractId: string): Promise<ProductType[]>;
  catalogue(accountId: string, contractId: string, productTypeId: string, aoiId: string): Promise<ProductCatalogue>;
  scenesOf(searchId: string, sceneIds: string[]): { search: SearchSummary; scenes: Scene[] };
  price(draft: OrderDraft): Promise<PriceQuote>;
}

export interface TaskingPort {
  productTypes(accountId: string, contractId: string): Promise<TaskingProductType[]>;
  attempts(q: TaskingQuery): Promise<AttemptSet>;
  feasibility(q: TaskingQuery): Promise<Feasibility>;
  price(d: TaskingDraft): Promise<TaskingPrice>;
}

export interface ComparisonPorts {
  accounts(): Account[] | Promise<Account[]>;
  aoi(id: string): Aoi;
  archive: ArchivePort;
  tasking: TaskingPort;
  now(): Date;
}

/**
 * One run's reads, each asked of the provider once however many offers need it (a comparison of six
 * product types of one contract reads its contracts and product types once).
 */
export function memoisedPorts(p: ComparisonPorts): ComparisonPorts {
  const memo = <A extends unknown[], R>(fn: (...args: A) => Promise<R>) => {
    const seen = new Map<string, Promise<R>>();
    return (...args: A): Promise<R> => {
      const key = JSON.stringify(args);
      let got = seen.get(key);
      if (!got) {
        got = fn(...args);
        seen.set(key, got);
      }
      return got;
    };
  };
  const accounts = memo(async () => p.accounts());
  return {
    ...p,
    accounts,
    archive: {
      ...p.archive,
      contracts: memo(p.archive.contracts),
      productTypes: memo(p.archive.productTypes),
      catalogue: memo(p.archive.catalogue),
    },
    tasking: { ...p.tasking, productTypes: memo(p.tasking.productTypes) },
  };
}
