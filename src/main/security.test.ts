import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  isAppUrl,
  isExternalUrlAllowed,
  isNavigationAllowed,
  isPermissionAllowed,
  mainWindowOptions,
  secureWebPreferences,
} from './security';

describe('window security policy', () => {
  it('keeps the renderer sandboxed and isolated', () => {
    const prefs = secureWebPreferences('/app/preload.js');
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false, webSecurity: true });
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('gives the main window exactly those preferences', () => {
    const { webPreferences } = mainWindowOptions('/app/preload.js');
    expect(webPreferences).toEqual(secureWebPreferences('/app/preload.js'));
    expect(webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, preload: '/app/preload.js' });
  });

  it('has a CSP without unsafe-eval and with no remote script source', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toMatch(/object-src 'none'/);
    const script = CONTENT_SECURITY_POLICY.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    expect(script).not.toMatch(/unsafe-inline|https?:|\*/);
  });

  it('denies every navigation and every permission but writing to the clipboard', () => {
    for (const url of ['https://evil.example', 'file:///etc/passwd', 'http://127.0.0.1:1/']) expect(isNavigationAllowed(url)).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) expect(isPermissionAllowed(p)).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write')).toBe(true);
  });

  it('opens only https links on the allowlist', () => {
    expect(isExternalUrlAllowed('https://www.intelligence-airbusds.com/en/3027-pleiades')).toBe(true);
    expect(isExternalUrlAllowed('http://www.intelligence-airbusds.com/')).toBe(false);
    expect(isExternalUrlAllowed('https://evil.example/')).toBe(false);
    expect(isExternalUrlAllowed('https://www.intelligence-airbusds.com.evil.example/')).toBe(false);
    expect(isExternalUrlAllowed('https://user:pw@www.intelligence-airbusds.com/')).toBe(false);
    expect(isExternalUrlAllowed('file:///etc/passwd')).toBe(false);
    expect(isExternalUrlAllowed('javascript:alert(1)')).toBe(false);
    expect(isExternalUrlAllowed('not a url')).toBe(false);
  });

  it('recognises only our own pages as the app', () => {
    expect(isAppUrl('file:///opt/desk/out/renderer/index.html')).toBe(true);
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('https://evil.example/')).toBe(false);
    expect(isAppUrl('garbage')).toBe(false);
  });

  it('allows images from exactly the chosen tile origins, never a wildcard', () => {
    const imgSrc = (csp: string) => csp.split('; ').find((d) => d.startsWith('img-src'))?.split(' ').slice(1) ?? [];
    expect(imgSrc(CONTENT_SECURITY_POLICY)).toEqual(["'self'", 'data:', 'blob:']);
    const csp = contentSecurityPolicy(['https://tile.openstreetmap.org', 'http://127.0.0.1:4711', 'https://tile.openstreetmap.org']);
    expect(imgSrc(csp)).toEqual(["'self'", 'data:', 'blob:', 'http://127.0.0.1:4711', 'https://tile.openstreetmap.org']);
    // Only img-src changes: scripts, connections and the rest stay as strict as without basemaps.
    expect(csp.split('; ').filter((d) => !d.startsWith('img-src'))).toEqual(CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('img-src')));
    for (const bad of ['*', 'https://*.example.com', 'https:', 'http://evil.example', "https://a.example; script-src 'unsafe-eval'", 'https://a.example/path', "'unsafe-inline'"]) {
      expect(imgSrc(contentSecurityPolicy([bad]))).toEqual(["'self'", 'data:', 'blob:']);
    }
    expect(contentSecurityPolicy(['https://*.example.com'])).not.toContain('*');
  });
});
