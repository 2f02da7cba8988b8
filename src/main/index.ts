import { join } from 'node:path';
import { app, BrowserWindow, dialog, shell } from 'electron';
import type { Desk } from './desk';
import { launchWithRecovery, type Launched } from './launch';
import { attachIpc } from './hosts/electron';
import { createMainWindow, hardenSession } from './hosts/electron-window';
import { resolveDataDir } from './paths';
import { createKeychainVault } from './vault/keychain-vault';

// Composition root for the Electron host: lifecycle and wiring only; behaviour lives in plain modules.
const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
let desk: Desk | undefined;
let launched: Launched | undefined;
const windows = new Set<BrowserWindow>();

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

app.on('second-instance', () => {
  const [win] = windows;
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

function openWindow(): void {
  const win = createMainWindow(join(__dirname, '../preload/index.js'));
  windows.add(win);
  win.on('closed', () => windows.delete(win));
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(join(__dirname, '../renderer/index.html'));
}

void app.whenReady().then(async () => {
  try {
    launched = await launchWithRecovery(
      {
        dataDir: resolveDataDir(app.getPath('userData')),
        host: 'electron',
        version: app.getVersion(),
        vault: createKeychainVault(),
        log: (msg) => console.error(msg),
        files: {
          pickFolder: async (defaultPath) => {
            const picked = await dialog.showOpenDialog({ defaultPath, properties: ['openDirectory', 'createDirectory'] });
            return picked.canceled ? null : (picked.filePaths[0] ?? null);
          },
          reveal: (path) => shell.showItemInFolder(path),
          open: (path) => shell.openPath(path),
        },
      },
      (err) =>
        dialog.showMessageBoxSync({
          type: 'error',
          title: 'Imagery Desk cannot open its database',
          message: err.message,
          buttons: ['Quit', 'Move it aside and start with a new database'],
          defaultId: 0,
          cancelId: 0,
        }) === 1,
    );
    desk = launched.desk;
  } catch (err) {
    dialog.showErrorBox('Imagery Desk cannot start', err instanceof Error ? err.message : String(err));
    app.exit(1);
    return;
  }
  // Read per response: a basemap added since start is allowed once the renderer reloads.
  hardenSession(() => desk?.tileOrigins() ?? []);
  attachIpc(desk.registry, (wc) => [...windows].some((w) => w.webContents === wc), devServerUrl);
  openWindow();
  app.on('activate', () => {
    if (windows.size === 0) openWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => void launched?.close());
