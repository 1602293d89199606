// The render job of a coordinator's picture (bot/pictures/sources.ts): draws it from the data as
// stored now, stores its parts under its content key, and puts the messages that wait for it
// back at their chats' tails. Idempotent like render-map.
import { z } from 'zod';
import { PictureRequest } from '../../core/interview/index.js';
import { requeueDeferred, storeArtifact } from '../../db/index.js';
import { loadPictureSource } from '../pictures/sources.js';
import { RENDER_QUEUE, type JobKind } from './types.js';

export type RenderPicturePayload = { request: PictureRequest; key: string };

export const renderPicture: JobKind<RenderPicturePayload> = {
  name: 'render-picture',
  payload: z.object({ request: PictureRequest, key: z.string().min(1).max(200) }),
  queue: RENDER_QUEUE,
  pollSeconds: 1,
  concurrency: 1,
  async run(ctx, p) {
    const started = performance.now();
    const source = await loadPictureSource(ctx.db, p.request);
    let artifactKey: string | null = null;
    if (source) {
      const r = await source.render(ctx.renderer);
      const enc = new TextEncoder();
      await storeArtifact(ctx.db, { key: source.key, parts: [enc.encode(r.svg), ...r.pages] });
      artifactKey = source.key;
      ctx.log.info('job.render_picture.rendered', {
        what: p.request.what,
        pages: r.pages.length,
        ms: Math.round(performance.now() - started),
      });
    }
    const put = await requeueDeferred(ctx.db, { awaitedKey: p.key, artifactKey });
    if (put.moved) ctx.requeued(put.platforms);
  },
  async failedForGood(ctx, p) {
    const put = await requeueDeferred(ctx.db, { awaitedKey: p.key, artifactKey: null });
    ctx.log.warn('job.render_picture.failed_for_good', { what: p.request.what, moved: put.moved });
    if (put.moved) ctx.requeued(put.platforms);
  },
};
