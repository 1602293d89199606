// What happens when WhatsApp closes the connection, by Baileys' disconnect reason.
import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  decideOnClose,
  disconnectStatus,
  ownNumberOf,
} from '../../bot/whatsapp/reconnect.js';

describe('the decision when the WhatsApp connection closes', () => {
  it.each([
    // status, attempt before, open for (ms), action, reason or delay, next attempt, delete login
    [401, 0, 5_000, 'stop', 'logged-out', undefined, true],
    [440, 0, 5_000, 'stop', 'replaced', undefined, false],
    [403, 3, null, 'stop', 'forbidden', undefined, false],
    [515, 0, null, 'reconnect', 0, 0, undefined],
    [515, 4, 1_000, 'reconnect', 0, 4, undefined],
    [500, 0, null, 'reconnect', 1_000, 1, undefined],
    [428, 1, null, 'reconnect', 2_000, 2, undefined],
    [408, 2, 10_000, 'reconnect', 4_000, 3, undefined],
    [503, 5, null, 'reconnect', 32_000, 6, undefined],
    [undefined, 6, null, 'reconnect', 60_000, 7, undefined],
    [411, 12, null, 'reconnect', 60_000, 13, undefined],
    // A connection that stayed open a minute was stable: the backoff starts again at 1 s.
    [500, 9, 60_000, 'reconnect', 1_000, 1, undefined],
    [428, 9, 59_999, 'reconnect', 60_000, 10, undefined],
  ] as const)(
    'status %s after %s failures, open %s ms: %s (%s)',
    (statusCode, attempt, openForMs, action, what, nextAttempt, deleteAuth) => {
      const d = decideOnClose({ statusCode, attempt, openForMs });
      expect(d.action).toBe(action);
      if (d.action === 'stop') {
        expect(d.reason).toBe(what);
        expect(d.deleteAuth).toBe(deleteAuth);
        // The operator is told in Indonesian first, then English.
        expect(d.notice.id).toMatch(/^WhatsApp: /);
        expect(d.notice.en).toMatch(/^WhatsApp: /);
      } else {
        expect(d.delayMs).toBe(what);
        expect(d.attempt).toBe(nextAttempt);
      }
    },
  );

  it('tells a logged-out operator how to link again', () => {
    const d = decideOnClose({ statusCode: 401, attempt: 0, openForMs: null });
    expect(d.action === 'stop' && d.notice.id).toContain('probis whatsapp link');
  });

  it('backs off 1 s, doubling, at most 60 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20].map(backoffMs)).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
  });

  it("reads the status from Baileys' Boom error, and the number from its user id", () => {
    expect(disconnectStatus({ output: { statusCode: 401 } })).toBe(401);
    expect(disconnectStatus(new Error('plain'))).toBeUndefined();
    expect(disconnectStatus(undefined)).toBeUndefined();
    expect(ownNumberOf('6281234567890:12@s.whatsapp.net')).toBe('6281234567890');
    expect(ownNumberOf('6281234567890@s.whatsapp.net')).toBe('6281234567890');
    expect(ownNumberOf('123456789012345:3@lid')).toBeNull();
    expect(ownNumberOf(undefined)).toBeNull();
  });
});
