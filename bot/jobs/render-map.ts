// The render job of a map message (bot/delivery/map-delivery.ts): renders the process's map
// into a stored artifact and puts the map messages that wait for it back at their chats' tails.
// Idempotent: run again (its worker died), it finds the artifact stored and only puts back.
import { z } from 'zod';
import { requeueDeferred } from '../../db/index.js';
import { holdpoint } from '../failpoints.js';
import { loadMapSource } from '../map-pictures.js';
import { RENDER_QUEUE, type JobKind } from './types.js';

export type RenderMapPayload = { processId: string; key: string };

export const renderMap: JobKind<RenderMapPayload> = {
  name: 'render-map',
  payload: z.object({ processId: z.string().min(1).max(200), key: z.string().min(1).max(200) }),
  // One render per content key at a time (stately: one queued and one active per key), so a map
  // asked by many chats at once is rendered once. A worker that dies mid-render stops beating:
  // after 10 s its job runs again on another worker.
  queue: RENDER_QUEUE,
  pollSeconds: 1,
  concurrency: 1,
  async run(ctx, p) {
    await holdpoint('render.before', ctx.log);
    const started = performance.now();
    // The process as it is now: it may have changed since the map was asked for. Its pictures
    // are what the waiting messages get (the key they waited for names the older content).
    const source = await loadMapSource(ctx.db, p.processId);
    let artifactKey: string | null = null;
    if (source) {
      const r = await ctx.renderer.crossFunctionalPng(source.process, source.org);
      artifactKey = ctx.renderer.crossFunctionalPngKey(source.process, source.org);
      ctx.log.info('job.render_map.rendered', {
        process: p.processId,
        pages: r.pages.length,
        cached: r.cached,
        ms: Math.round(performance.now() - started),
      });
    }
    const put = await requeueDeferred(ctx.db, { awaitedKey: p.key, artifactKey });
    ctx.log.info('job.render_map.done', { process: p.processId, moved: put.moved });
    if (put.moved) ctx.requeued(put.platforms);
  },
  async failedForGood(ctx, p) {
    // Never silence: the waiting messages go out as their caption and outline.
    const put = await requeueDeferred(ctx.db, { awaitedKey: p.key, artifactKey: null });
    ctx.log.warn('job.render_map.failed_for_good', { process: p.processId, moved: put.moved });
    if (put.moved) ctx.requeued(put.platforms);
  },
};
