import { useState } from 'react';
import type { DeliveredFile, Download } from '../../../shared/domain/deliveries';
import { errorOf, type ShownError } from '../../api/errors';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorNote } from '../../ui/ErrorNote';
import { formatBytes } from './downloadText';

/** Cancelling deletes the partial file: asked first, with what is lost. */
export function CancelDownloadDialog(props: { download: Download; file: DeliveredFile; onConfirm(): Promise<void>; onClose(): void }) {
  const [error, setError] = useState<ShownError | null>(null);
  const { download: d, file } = props;
  return (
    <ConfirmDialog
      title={`Stop downloading ${file.name}?`}
      confirmLabel="Stop and delete the partial file"
      onCancel={props.onClose}
      onConfirm={async () => {
        try {
          await props.onConfirm();
          props.onClose();
        } catch (err) {
          setError(errorOf(err));
        }
      }}
    >
      <p>
        The {formatBytes(d.bytesDone)} already downloaded to <span className="mono">{d.path}.part</span> will be deleted. Pause instead to keep them and
        resume later.
      </p>
      <ErrorNote error={error} label="The download could not be cancelled" />
    </ConfirmDialog>
  );
}
