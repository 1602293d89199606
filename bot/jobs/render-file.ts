// The jobs that make a file message's file (bot/delivery/file-sources.ts) from what is stored
// now, keep it under its content key, and put the messages that wait for it back at their chats'
// tails. Idempotent like render-map: run again, it finds the file stored and only puts back.
// A process's files (BPMN, SOP AP) and the inventory take seconds: render-file, on the render
// queue. The decree's annex of a whole organisation takes minutes (155 s for 1,000 processes in
// bench/annex.ts): render-document, a queue of its own that lets a job run for half an hour, so
// it neither times out nor holds the maps' queue.
import { z } from 'zod';
import { FileWhat } from '../../core/interview/index.js';
import { textFor } from '../../core/language/bilingual.js';
import { Paper } from '../../core/sop/details.js';
import { readArtifact, requeueDeferred, storeArtifact } from '../../db/index.js';
import { type FileRequest, fileUnavailable, loadFileSource } from '../delivery/file-sources.js';
import { DOCUMENT_QUEUE, RENDER_QUEUE, type JobKind, type QueueSettings } from './types.js';

export type RenderFilePayload = { request: FileRequest; key: string };

const unavailable = (what: FileWhat) => textFor(fileUnavailable(what), 'both-inline');

/** Files whose making takes minutes: made by render-document. */
const LONG_FILES: ReadonlySet<FileWhat> = new Set(['annex-pdf']);

/** The job kind that makes a file of this kind. */
export function fileJobFor(what: FileWhat): JobKind<RenderFilePayload> {
  return LONG_FILES.has(what) ? renderDocument : renderFile;
}

export const renderFile = fileJob('render-file', RENDER_QUEUE);
export const renderDocument = fileJob('render-document', DOCUMENT_QUEUE);

function fileJob(name: string, queue: QueueSettings): JobKind<RenderFilePayload> {
  return {
    name,
    payload: z.object({
      request: z.object({
        what: FileWhat,
        processId: z.string().min(1).max(200).optional(),
        organisationId: z.string().min(1).max(200).optional(),
        paper: Paper.optional(),
      }),
      key: z.string().min(1).max(200),
    }),
    queue,
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
          await storeArtifact(ctx.db, {
            key: source.key,
            parts: [await source.make(ctx.renderer)],
          });
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
}
