import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { INVOKE_CHANNEL } from '../../shared/ipc/transport';
import { fail } from '../../shared/result';
import type { Registry } from '../ipc/registry';
import { isAppUrl } from '../security';

/**
 * Wires the registry to ipcMain. A call is served only when it comes from the top frame of one of our
 * own windows showing our own page; anything else (a subframe, a navigated page) is refused.
 */
export function attachIpc(registry: Registry, isOurWindow: (wc: WebContents) => boolean, devServerUrl?: string): () => void {
  const senderAllowed = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    return isOurWindow(event.sender) && isAppUrl(frame.url, devServerUrl);
  };
  ipcMain.handle(INVOKE_CHANNEL, (event, channel: unknown, payload: unknown) => {
    if (!senderAllowed(event)) return fail('FORBIDDEN_SENDER', 'This window may not call Imagery Desk.');
    return registry.dispatch(String(channel), payload);
  });
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}
