import type { Contract } from '../../../shared/domain/archive';
import type { Cached } from '../../../shared/ipc/contract';
import type { Loaded } from '../../api/useChannel';
import { ErrorNote } from '../ErrorNote';
import { formatMoney } from '../format';

/** What the picker needs of a section's source (the Archive's and the Tasking's both have it). */
export interface ContractSource {
  contracts: Loaded<Cached<Contract[]>>;
  contractList: Contract[];
  contractId: string;
  contract: Contract | undefined;
  setContractId(id: string): void;
}

/** The contract to order on, with what matters before spending: credit, back end, workspace. */
export function ContractPicker({ source, idPrefix }: { source: ContractSource; idPrefix: string }) {
  const c = source.contract;
  return (
    <div className="field">
      <label htmlFor={`${idPrefix}-contract`}>Contract</label>
      {source.contracts.loading && !source.contracts.value ? (
        <p className="muted">Loading contracts…</p>
      ) : source.contractList.length === 0 ? (
        !source.contracts.error && <p className="muted">This account has no contract.</p>
      ) : (
        <select id={`${idPrefix}-contract`} value={source.contractId} onChange={(e) => source.setContractId(e.target.value)}>
          {source.contractList.map((k) => (
            <option key={k.contractId} value={k.contractId}>
              {k.name}
            </option>
          ))}
        </select>
      )}
      <ErrorNote error={source.contracts.error} label="Contracts could not be loaded" />
      {c && (
        <dl className="facts archive-facts" aria-label="Contract details">
          <div>
            <dt>Credit remaining</dt>
            <dd>{c.creditRemaining === null ? 'Not reported by the provider' : formatMoney(c.creditRemaining, c.currency)}</dd>
          </div>
          {c.backendSource && (
            <div>
              <dt>Back end</dt>
              <dd title={c.backendSource === 'neo' ? 'Orders Pléiades Neo' : 'Orders SPOT and Pléiades'}>{c.backendSource === 'neo' ? 'neo (Pléiades Neo)' : 'legacy (SPOT, Pléiades)'}</dd>
            </div>
          )}
          {c.workspace && (
            <div>
              <dt>Workspace</dt>
              <dd className="mono" title={c.workspace}>{c.workspace}</dd>
            </div>
          )}
          <div>
            <dt>Contract id</dt>
            <dd className="mono" title={c.contractId}>{c.contractId}</dd>
          </div>
        </dl>
      )}
    </div>
  );
}
