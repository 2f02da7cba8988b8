import { contextBridge, ipcRenderer } from 'electron';
import { INVOKE_CHANNEL } from '../shared/ipc/transport';

// Exposes one function that forwards a contract call and nothing else: no ipcRenderer, no process. Main
// refuses any channel name the contract does not define, so this needs no list of its own.
const api = Object.freeze({
  invoke: (channel: string, request: unknown) => ipcRenderer.invoke(INVOKE_CHANNEL, channel, request),
});

contextBridge.exposeInMainWorld('desk', api);
