import { useState } from 'react';
import { FieldRow } from '../../ui/FieldRow';
import type { PlaceState } from './useDownloadPlace';

/**
 * Where files go. A text field and "Use this folder" everywhere (browser mode has no native picker),
 * plus "Choose…" where the host has one. Main checks the folder; its refusal is said beside the field.
 */
export function DownloadFolder({ place }: { place: PlaceState }) {
  const current = place.place?.folder ?? '';
  // The draft follows the folder in force until the user types (then it is theirs until applied).
  const [draft, setDraft] = useState<{ text: string; base: string } | null>(null);
  const text = draft && draft.base === current ? draft.text : current;
  const changed = text.trim() !== current;
  const apply = async () => {
    if (await place.setFolder(text.trim())) setDraft(null);
  };
  return (
    <form
      className="dl-folder"
      aria-label="Download folder"
      onSubmit={(e) => {
        e.preventDefault();
        void apply();
      }}
    >
      <FieldRow
        id="deliveries-folder"
        label="Download folder"
        error={place.error?.message ?? place.loadError?.message}
        hint="Files are written as “name.part” and get their name once complete and checked."
      >
        {(aria) => (
          <div className="inline-row">
            <input {...aria} className="mono" value={text} title={text} spellCheck={false} placeholder="/home/me/Imagery" onChange={(e) => setDraft({ text: e.target.value, base: current })} />
            <button type="submit" className="button dl-small" disabled={place.saving || !text.trim() || !changed}>
              Use this folder
            </button>
            {place.place?.canPickFolder && (
              <button type="button" className="button dl-small" disabled={place.saving} onClick={() => void place.pickFolder().then((ok) => ok && setDraft(null))}>
                Choose…
              </button>
            )}
          </div>
        )}
      </FieldRow>
    </form>
  );
}
