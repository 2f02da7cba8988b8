import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from '../shared/ipc/channels';
import type { DeskApi } from '../shared/ipc/api';

// Exposes one named function per contract channel and nothing else: no ipcRenderer, no process.
const api = Object.freeze(
  Object.fromEntries(CHANNELS.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channel, request)])),
) as DeskApi;

contextBridge.exposeInMainWorld('desk', api);
