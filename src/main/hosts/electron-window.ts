/// <reference types="electron-vite/node" />
import { BrowserWindow, session, shell } from 'electron';
// electron-vite copies the file into the build and resolves its path at run time (dev and packaged alike).
import windowIcon from '../../../resources/icon.png?asset';
import {
  contentSecurityPolicy,
  isExternalUrlAllowed,
  isNavigationAllowed,
  isPermissionAllowed,
  mainWindowOptions,
} from '../security';

/** Applies the security.ts policies to the default session once, before any window loads. */
export function hardenSession(tileOrigins: () => string[] = () => []): void {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(isPermissionAllowed(permission)));
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => isPermissionAllowed(permission));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy(tileOrigins())] },
    });
  });
}

export function createMainWindow(preloadPath: string): BrowserWindow {
  const options = mainWindowOptions(preloadPath);
  const win = new BrowserWindow({ // eng-disable AUXCLICK_JS_CHECK -- middle-clicks go to setWindowOpenHandler below (denies all); Chromium dropped the 'Auxclick' flag
    ...options,
    // Windows' taskbar and Linux window lists show this; macOS takes the dock icon from the app bundle.
    icon: windowIcon,
    // The same values as mainWindowOptions (unit-tested), restated where the scanner looks for them.
    webPreferences: { ...options.webPreferences, sandbox: true, contextIsolation: true, nodeIntegration: false },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isExternalUrlAllowed(url)) void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK -- reviewed: only https URLs on EXTERNAL_ALLOWLIST hosts (security.test.ts)
    return { action: 'deny' };
  });
  return win;
}
