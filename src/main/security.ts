/**
 * Window and content policies as plain functions, so they are unit-tested without Electron.
 * The Electron wiring (hosts/electron-window.ts) applies them; browser mode reuses the CSP.
 * Only types are imported from electron: this module must load under plain Node.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

// An origin the CSP may name: https on a plain host name (or http on the loopback, for local tile
// servers and tests), an optional port, nothing else. Anything else (a wildcard, a second directive
// smuggled in through a tampered database) is dropped rather than written into the policy.
const TILE_ORIGIN = /^(https:\/\/[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|http:\/\/(127\.0\.0\.1|localhost|\[::1\]))(:\d{1,5})?$/;

export const isCspTileOrigin = (origin: string): boolean => TILE_ORIGIN.test(origin);

/**
 * No unsafe-eval anywhere; inline styles only because OpenLayers positions its overlays with them.
 * Images may also come from exactly the origins of the online basemaps the user added (stored in
 * SQLite, see services/basemaps); blob: carries tiles of local MBTiles/PMTiles files.
 */
export function contentSecurityPolicy(tileOrigins: readonly string[] = []): string {
  const origins = [...new Set(tileOrigins.filter(isCspTileOrigin))].sort();
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data: blob:", ...origins].join(' '),
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The policy with no online basemap. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** The main window's options, complete, so the unit tests see exactly what Electron is given. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Imagery Desk',
    backgroundColor: '#151b23',
    webPreferences: {
      ...secureWebPreferences(preloadPath),
      // Repeated as literals so reviewers and scanners see them where the window is configured.
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    },
  };
}

/** The app's own pages: the packaged file, or the dev server when electron-vite runs one. */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'file:') return true;
  if (!devServerUrl) return false;
  try {
    return parsed.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}

/** In-app navigation is never allowed: the UI is a single page; links open outside (see below). */
export function isNavigationAllowed(_targetUrl: string): boolean {
  return false;
}

/** Hosts whose documentation pages a user may open in the system browser. */
export const EXTERNAL_ALLOWLIST: readonly string[] = [
  'www.intelligence-airbusds.com',
  'intelligence.airbus.com',
  'oneatlas.airbus.com',
  'airbusgeo.github.io',
  'www.naturalearthdata.com',
];

export function isExternalUrlAllowed(url: string, allowlist: readonly string[] = EXTERNAL_ALLOWLIST): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return false;
  return allowlist.includes(parsed.hostname.toLowerCase());
}

/**
 * Camera, microphone, geolocation, notifications, clipboard reads…: Imagery Desk needs none of them.
 * Writing to the clipboard ("Copy as WKT") is the one exception: it reveals nothing to the page.
 */
export function isPermissionAllowed(permission: string): boolean {
  return permission === 'clipboard-sanitized-write';
}
