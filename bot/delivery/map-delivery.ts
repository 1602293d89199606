// Channel-neutral delivery of map messages: a channel only uploads stored pictures, it never
// renders. A map whose pictures are stored goes out with them; one whose pictures are not stored
// yet asks for a render job and leaves its chat's queue, so the chat's next messages are not held
// behind a render; the job puts it back at the chat's tail once the pictures are stored.
import type { OutboxMessage } from '../../db/index.js';
import { type Db, deferForArtifact, readArtifact } from '../../db/index.js';
import type { Renderer } from '../../renderers/index.js';
import { type MapPictures, loadMapSource, picturesFromParts } from '../map-pictures.js';
import type { PictureRequest } from '../../core/interview/index.js';
import { loadPictureSource } from '../pictures/sources.js';
import { type ChatFile, type FileRequest, loadFileSource } from './file-sources.js';

export type { ChatFile } from './file-sources.js';

/** What becomes of a claimed map message. */
export type MapOutcome =
  | { kind: 'pictures'; pictures: MapPictures }
  /** Out of the chat's queue until its render job has stored the pictures. */
  | { kind: 'deferred'; key: string }
  /** Nothing to draw (no flow): the caption and outline as text. */
  | { kind: 'outline' };

/** What becomes of a claimed file message. */
export type FileOutcome =
  | { kind: 'file'; file: ChatFile }
  /** Out of the chat's queue until its job has stored the file. */
  | { kind: 'deferred'; key: string }
  /** Nothing to make it of (the process has no flow). */
  | { kind: 'unavailable' };

/** The render side, as the sender needs it: ask for a render, hear of maps put back. */
export interface RenderRequests {
  /** Queues the render of `processId` under content key `key`; idempotent per key. */
  requestRender(p: { processId: string; key: string }): Promise<void>;
  /** Queues the drawing of a coordinator's picture under content key `key`; idempotent per key. */
  requestPicture(p: { request: PictureRequest; key: string }): Promise<void>;
  /** Queues the making of a file under content key `key`; idempotent per key. */
  requestFile(p: { request: FileRequest; key: string }): Promise<void>;
  /** Called when a render job of this process has put messages back; returns an unsubscribe. */
  onRequeued(listener: (platforms: string[]) => void): () => void;
}

export class MapDelivery {
  constructor(
    private readonly o: {
      db: Db;
      /** For the content key only: nothing is rendered here. */
      renderer: Pick<Renderer, 'crossFunctionalPngKey'>;
      renders: RenderRequests;
    },
  ) {}

  onRequeued(listener: (platforms: string[]) => void): () => void {
    return this.o.renders.onRequeued(listener);
  }

  /** A coordinator's picture: stored, or drawn by a job while the chat's queue goes on. */
  async preparePicture(
    m: OutboxMessage & { payload: { kind: 'picture'; picture: PictureRequest; caption: string } },
  ): Promise<MapOutcome> {
    const { db } = this.o;
    const source = await loadPictureSource(db, m.payload.picture);
    if (!source) return { kind: 'outline' };
    const named = (parts: Uint8Array[]) =>
      picturesFromParts({ code: source.fileName, name: m.payload.caption }, parts);
    if (m.artifactKey) {
      const parts = await readArtifact(db, m.artifactKey);
      if (parts) return { kind: 'pictures', pictures: named(parts) };
    }
    const parts = await readArtifact(db, source.key);
    if (parts) return { kind: 'pictures', pictures: named(parts) };
    await this.o.renders.requestPicture({ request: m.payload.picture, key: source.key });
    if (await deferForArtifact(db, { id: m.id, key: source.key }))
      return { kind: 'deferred', key: source.key };
    const stored = await readArtifact(db, source.key);
    return stored
      ? { kind: 'pictures', pictures: named(stored) }
      : { kind: 'deferred', key: source.key };
  }

  /** A file made from a process (BPMN): stored, or made by a job while the chat's queue goes on. */
  async prepareFile(
    m: OutboxMessage & { payload: { kind: 'file' } & FileRequest },
  ): Promise<FileOutcome> {
    const { db } = this.o;
    const source = await loadFileSource(db, m.payload);
    if (!source) return { kind: 'unavailable' };
    const stored = async (key: string): Promise<FileOutcome | null> => {
      const parts = await readArtifact(db, key);
      return parts?.[0] ? { kind: 'file', file: { name: source.name, bytes: parts[0] } } : null;
    };
    // Put back by its job: the file it stored (the process may have changed since).
    const back = m.artifactKey ? await stored(m.artifactKey) : null;
    if (back) return back;
    const now = await stored(source.key);
    if (now) return now;
    await this.o.renders.requestFile({
      request: {
        what: m.payload.what,
        ...(m.payload.processId ? { processId: m.payload.processId } : {}),
        ...(m.payload.organisationId ? { organisationId: m.payload.organisationId } : {}),
        ...(m.payload.paper ? { paper: m.payload.paper } : {}),
      },
      key: source.key,
    });
    if (await deferForArtifact(db, { id: m.id, key: source.key }))
      return { kind: 'deferred', key: source.key };
    return (await stored(source.key)) ?? { kind: 'deferred', key: source.key };
  }

  async prepare(
    m: OutboxMessage & { payload: { kind: 'map'; processId: string } },
  ): Promise<MapOutcome> {
    const { db } = this.o;
    const source = await loadMapSource(db, m.payload.processId);
    if (!source) return { kind: 'outline' };
    // Put back by its render job: the pictures it stored (the process may have changed since).
    if (m.artifactKey) {
      const parts = await readArtifact(db, m.artifactKey);
      if (parts) return { kind: 'pictures', pictures: picturesFromParts(source.process, parts) };
    }
    const key = this.o.renderer.crossFunctionalPngKey(source.process, source.org);
    const parts = await readArtifact(db, key);
    if (parts) return { kind: 'pictures', pictures: picturesFromParts(source.process, parts) };
    // The job first: if this process dies before deferring, the message stays pending and its
    // lease brings it back. Deferring re-checks the artifact under the key's lock.
    await this.o.renders.requestRender({ processId: source.process.id, key });
    if (await deferForArtifact(db, { id: m.id, key })) return { kind: 'deferred', key };
    const stored = await readArtifact(db, key);
    return stored
      ? { kind: 'pictures', pictures: picturesFromParts(source.process, stored) }
      : { kind: 'deferred', key }; // no longer pending: marked elsewhere
  }
}
