// The job that makes a file message's file (bot/delivery/file-sources.ts): the process's BPMN as
// stored now, kept under its content key, and the messages that wait for it put back at their
// chats' tails. Idempotent like render-map: run again, it finds the file stored and only puts back.
import { z } from 'zod';
import { FileWhat } from '../../core/interview/index.js';
import { textFor } from '../../core/language/bilingual.js';
import { Paper } from '../../core/sop/details.js';
import { readArtifact, requeueDeferred, storeArtifact } from '../../db/index.js';
import { type FileRequest, fileUnavailable, loadFileSource } from '../delivery/file-sources.js';
import { RENDER_QUEUE, type JobKind } from './types.js';

export type RenderFilePayload = { request: FileRequest; key: string };

const unavailable = (what: FileWhat) => textFor(fileUnavailable(what), 'both-inline');

export const renderFile: JobKind<RenderFilePayload> = {
  name: 'render-file',
  payload: z.object({
    request: z.object({
      what: FileWhat,
      processId: z.string().min(1).max(200).optional(),
      organisationId: z.string().min(1).max(200).optional(),
      paper: Paper.optional(),
    }),
    key: z.string().min(1).max(200),
  }),
  queue: RENDER_QUEUE,
  pollSeconds: 1,
  concurrency: 1,
  async run(ctx, p) {
    const started = performance.now();
    // The process as it is now: the waiting messages get its file (the key they waited for may
    // name an older content).
    const source = await loadFileSource(ctx.db, p.request);
    let artifactKey: string | null = null;
    if (source) {
      if (!(await readArtifact(ctx.db, source.key)))
        await storeArtifact(ctx.db, { key: source.key, parts: [await source.make(ctx.renderer)] });
      artifactKey = source.key;
      ctx.log.info('job.render_file.made', {
        what: p.request.what,
        subject: p.request.processId ?? p.request.organisationId,
        ms: Math.round(performance.now() - started),
      });
    }
    const put = await requeueDeferred(ctx.db, {
      awaitedKey: p.key,
      artifactKey,
      unavailable: unavailable(p.request.what),
    });
    if (put.moved) ctx.requeued(put.platforms);
  },
  async failedForGood(ctx, p) {
    // Never silence: the waiting messages go out as their caption and a word of why.
    const put = await requeueDeferred(ctx.db, {
      awaitedKey: p.key,
      artifactKey: null,
      unavailable: unavailable(p.request.what),
    });
    ctx.log.warn('job.render_file.failed_for_good', { what: p.request.what, moved: put.moved });
    if (put.moved) ctx.requeued(put.platforms);
  },
};
