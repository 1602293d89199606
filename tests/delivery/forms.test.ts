// Which form a map, a picture or a file is tried in, and what a failure of that form leads to:
// the table behind "a picture never holds the chat" (bot/delivery/forms.ts), with Telegram's
// errors as the sender classifies them.
import { describe, expect, it } from 'vitest';
import { afterFailure, formsFor } from '../../bot/delivery/forms.js';
import { classifyError } from '../../bot/telegram/sender.js';

const telegram = (code: number, description: string, retry_after?: number) =>
  Object.assign(new Error(description), {
    code,
    description,
    ...(retry_after ? { parameters: { retry_after } } : {}),
  });

describe('the forms a message is tried in', () => {
  it.each([
    ['map', true, 1, ['photos', 'files', 'text']],
    ['map', true, 3, ['photos', 'files', 'text']],
    ['map', true, 4, ['text']],
    ['map', false, 1, ['text']],
    ['picture', true, 2, ['photos', 'files', 'text']],
    ['file', true, 1, ['files', 'text']],
    ['file', false, 1, ['text']],
    ['question', false, 1, null],
    ['text', false, 9, null],
  ] as const)('%s (stored: %s) on claim %i: %j', (kind, stored, attempt, forms) => {
    expect(formsFor(kind, stored, attempt)).toEqual(forms);
  });
});

describe('after a form failed', () => {
  it.each([
    [
      '500 on the first claim: retried later as photos',
      telegram(500, 'Internal Server Error'),
      1,
      'settle',
    ],
    [
      '500 on the third claim: the next form now',
      telegram(500, 'Internal Server Error'),
      3,
      'degrade',
    ],
    [
      '400 PHOTO_INVALID_DIMENSIONS: the next form now',
      telegram(400, 'Bad Request: PHOTO_INVALID_DIMENSIONS'),
      1,
      'degrade',
    ],
    [
      '413 Request Entity Too Large: the next form now',
      telegram(413, 'Request Entity Too Large'),
      1,
      'degrade',
    ],
    [
      '403 blocked: given up, nothing else tried',
      telegram(403, 'Forbidden: bot was blocked by the user'),
      3,
      'settle',
    ],
    ['429: retried when Telegram allows', telegram(429, 'Too Many Requests', 5), 3, 'settle'],
    [
      'a network failure on the third claim: the next form now',
      new Error('ECONNRESET'),
      3,
      'degrade',
    ],
  ] as const)('%s', (_what, error, attempt, next) => {
    const outcome = classifyError(error, attempt);
    if (outcome.ok) throw new Error('a failure is classified as a failure');
    expect(afterFailure(outcome, attempt)).toBe(next);
  });

  it('a 413 is not retried as it is: it is a refusal, not an outage', () => {
    expect(classifyError(telegram(413, 'Request Entity Too Large'), 1)).toEqual({
      ok: false,
      permanent: true,
      error: '413 Request Entity Too Large',
    });
  });
});
