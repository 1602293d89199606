// How a map, a picture or a file is sent when the platform will not take it: it is degraded,
// never left to block its chat. Each chat's messages go out in order, one at a time, so a picture
// retried for an hour would hold the next question for an hour. Instead a picture is tried as
// photos a few times (a 5xx may pass), then, in the same claim, as files, then as its text
// summary; a refusal of the picture itself (400 PHOTO_INVALID_DIMENSIONS, 413 too large) skips
// the photo retries. Only a blocked chat (403) or Telegram's rate limit (429) is not degraded:
// the first gives the message up as before, the second retries at the time Telegram asks.
// Order is kept: the question behind a failing picture waits for the two photo retries (1 s and
// 2 s of backoff), not for the twenty attempts (about an hour) a text gets.
import type { Outbound } from '../../core/interview/index.js';
import type { SentParts } from '../../db/index.js';

/**
 * The form a message with pictures or a file goes out in, best first: its pictures as photos,
 * as files (documents), or as its text summary.
 */
export type MessageForm = 'photos' | 'files' | 'text';

/** Claims of a message in which its photos are tried; after the last, the text summary only. */
export const PHOTO_ATTEMPTS = 3;

/**
 * What a failed send says about the next form. `sent`: the parts of the message delivered before
 * it failed (all of them so far, not only this attempt's), when it is sent in several parts.
 */
export type FailedSend =
  | { ok: false; retryAfterMs: number; error: string; rateLimited?: true; sent?: SentParts }
  | { ok: false; permanent: true; error: string; blocked?: true; sent?: SentParts };

/**
 * The forms to try on claim `attempt` (from 1), in order; null for a message that has one form
 * only (a text, a question, an invitation). `hasContent`: its pictures or file are stored.
 */
export function formsFor(
  kind: Outbound['kind'],
  hasContent: boolean,
  attempt: number,
): MessageForm[] | null {
  if (kind !== 'map' && kind !== 'picture' && kind !== 'file') return null;
  // The chat has waited long enough: whatever failed before, the summary goes now.
  if (!hasContent || attempt > PHOTO_ATTEMPTS) return ['text'];
  return kind === 'file' ? ['files', 'text'] : ['photos', 'files', 'text'];
}

/**
 * After a form that is not the last failed on claim `attempt`: try the next form now
 * ('degrade'), or let the outbox settle the message as any failed send ('settle': retried
 * later, or given up when permanent).
 */
export function afterFailure(failed: FailedSend, attempt: number): 'degrade' | 'settle' {
  if ('blocked' in failed || 'rateLimited' in failed) return 'settle';
  if ('permanent' in failed) return 'degrade';
  return attempt >= PHOTO_ATTEMPTS ? 'degrade' : 'settle';
}
