import type { Database } from 'better-sqlite3';

export interface StoredQuicklook {
  provider: string;
  sceneId: string;
  contentType: string;
  bytes: Buffer;
  fetchedAt: string;
}

interface Row {
  provider: string;
  scene_id: string;
  content_type: string;
  bytes: Buffer;
  fetched_at: string;
}

/** Quicklook images the user looked at, so the map can drape them offline. Keyed like scenes. */
export function createQuicklooksRepo(db: Database) {
  const one = db.prepare<[string, string], Row>('SELECT * FROM quicklooks WHERE provider = ? AND scene_id = ?');
  const upsert = db.prepare<[Row]>(
    `INSERT INTO quicklooks (provider, scene_id, content_type, bytes, fetched_at)
     VALUES (@provider, @scene_id, @content_type, @bytes, @fetched_at)
     ON CONFLICT (provider, scene_id) DO UPDATE SET content_type = excluded.content_type, bytes = excluded.bytes,
       fetched_at = excluded.fetched_at`,
  );
  const stored = db
    .prepare<[string, string], string>(
      'SELECT scene_id FROM quicklooks WHERE provider = ? AND scene_id IN (SELECT value FROM json_each(?))',
    )
    .pluck();

  return {
    put(q: { provider: string; sceneId: string; contentType: string; bytes: Uint8Array; fetchedAt: string }): void {
      upsert.run({
        provider: q.provider,
        scene_id: q.sceneId,
        content_type: q.contentType,
        bytes: Buffer.from(q.bytes.buffer, q.bytes.byteOffset, q.bytes.byteLength),
        fetched_at: q.fetchedAt,
      });
    },
    get(provider: string, sceneId: string): StoredQuicklook | undefined {
      const r = one.get(provider, sceneId);
      return r && { provider: r.provider, sceneId: r.scene_id, contentType: r.content_type, bytes: r.bytes, fetchedAt: r.fetched_at };
    },
    /** Which of these scenes can show a quicklook offline (one query for a whole results list). */
    storedAmong: (provider: string, sceneIds: readonly string[]): string[] => stored.all(provider, JSON.stringify(sceneIds)),
  };
}
export type QuicklooksRepo = ReturnType<typeof createQuicklooksRepo>;
