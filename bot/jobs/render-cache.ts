// The renderers' cache in the database: the parts of a cached render are a stored artifact, one
// row per part, read by any process (renderers/cache.ts RenderCache over artifacts).
import { type Db, readArtifact, storeArtifact } from '../../db/index.js';
import { type RenderCache, packParts, unpackParts } from '../../renderers/cache.js';

export function databaseRenderCache(db: Db): RenderCache {
  return {
    async get(key) {
      const parts = await readArtifact(db, key);
      return parts ? packParts(parts) : undefined;
    },
    async set(key, bytes) {
      await storeArtifact(db, { key, parts: unpackParts(bytes) });
    },
  };
}
