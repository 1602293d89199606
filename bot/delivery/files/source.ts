// What every kind of file a chat is sent shares: what a file message asks for, and how a file is
// made. Apart from file-sources.ts (the registry of kinds), so that a kind's module and the
// registry do not import each other.
import type { Outbound } from '../../../core/interview/index.js';
import type { Renderer } from '../../../renderers/index.js';

/** A file as a chat receives it. */
export type ChatFile = { name: string; bytes: Uint8Array };

/** What a file message asks for. */
export type FileRequest = Pick<
  Extract<Outbound, { kind: 'file' }>,
  'what' | 'processId' | 'organisationId' | 'paper'
>;

export type FileSource = {
  /** The content key the file is stored under (one part). */
  key: string;
  /** The file's name as the person sees it: "peta-03.01.bpmn". */
  name: string;
  make(renderer: Renderer): Promise<Uint8Array>;
};

/** "peta-03.01.bpmn": a prefix, the process's code safe in a file name on every platform, an ending. */
export function processFileName(prefix: string, code: string, ending: string): string {
  return `${prefix}-${code.replace(/[^0-9A-Za-z.-]/g, '_')}.${ending}`;
}
