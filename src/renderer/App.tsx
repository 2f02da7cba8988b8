import { useState } from 'react';
import { AccountsPanel } from './features/accounts/AccountsPanel';
import { useAccounts } from './features/accounts/useAccounts';
import { MapView } from './map/MapView';
import { Placeholder } from './ui/Placeholder';
import { SectionNav, type Section } from './ui/SectionNav';
import { TopBar } from './ui/TopBar';
import { useAppInfo } from './ui/useAppInfo';

export function App() {
  const [section, setSection] = useState<Section>('accounts');
  const info = useAppInfo();
  const accounts = useAccounts();

  return (
    <div className="app">
      <TopBar info={info} accounts={accounts} />
      <div className="workspace">
        <SectionNav current={section} onChange={setSection} />
        <aside className="side-panel" aria-label={`${section} panel`}>
          {section === 'accounts' ? (
            <AccountsPanel accounts={accounts} keychain={info.value?.keychain} sandboxOrigin={info.value?.sandboxOrigin ?? null} />
          ) : (
            <Placeholder section={section} />
          )}
        </aside>
        <main className="map-area">
          <MapView />
        </main>
      </div>
    </div>
  );
}
