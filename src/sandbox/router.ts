import type { Mount, Route } from './types';

interface Compiled {
  route: Route;
  prefix: string;
  regex: RegExp;
  keys: string[];
}

export interface Match {
  route: Route;
  prefix: string;
  path: string;
  params: Record<string, string>;
}

/** Matches `/prefix/…` paths against mounted routes; `:name` segments become params. */
export function createRouter(mounts: Mount[]) {
  const compiled: Compiled[] = [];
  for (const mount of mounts) {
    for (const route of mount.routes) {
      const keys: string[] = [];
      const source = route.pattern
        .split('/')
        .map((seg) => {
          if (seg.startsWith(':')) {
            keys.push(seg.slice(1));
            return '([^/]+)';
          }
          return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        })
        .join('/');
      compiled.push({ route, prefix: mount.prefix, regex: new RegExp(`^${source}/?$`), keys });
    }
  }

  return {
    /** `allowed` lists the methods of routes that match the path with another method (for 405). */
    match(method: string, fullPath: string): { match?: Match; allowed: string[] } {
      const allowed: string[] = [];
      for (const c of compiled) {
        if (!fullPath.startsWith(c.prefix + '/') && fullPath !== c.prefix) continue;
        const path = fullPath.slice(c.prefix.length) || '/';
        const m = c.regex.exec(path);
        if (!m) continue;
        if (c.route.method !== method) {
          allowed.push(c.route.method);
          continue;
        }
        const params: Record<string, string> = {};
        c.keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1] ?? '')));
        return { match: { route: c.route, prefix: c.prefix, path, params }, allowed };
      }
      return { allowed };
    },
  };
}
