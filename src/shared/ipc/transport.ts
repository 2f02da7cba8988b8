/**
 * The one Electron IPC channel every call travels on, carrying the contract channel's name. The preload
 * imports only this file, so it stays tiny and free of zod; main's registry checks the name and payload.
 */
export const INVOKE_CHANNEL = 'desk:invoke';
