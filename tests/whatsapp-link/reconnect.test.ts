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
    // status, failures before, bad-session closes before, open for (ms),
    //   action, reason or delay, failures after, bad-session closes after, delete login
    [401, 0, 0, 5_000, 'stop', 'logged-out', undefined, undefined, true],
    [440, 0, 0, 5_000, 'stop', 'replaced', undefined, undefined, false],
    [403, 3, 0, null, 'stop', 'forbidden', undefined, undefined, false],
    // Restart required: at once the first time; asked again and again, it backs off.
    [515, 0, 0, null, 'reconnect', 0, 1, 0, undefined],
    [515, 1, 0, null, 'reconnect', 2_000, 2, 0, undefined],
    [515, 4, 0, 1_000, 'reconnect', 16_000, 5, 0, undefined],
    [515, 4, 0, 60_000, 'reconnect', 0, 1, 0, undefined],
    [500, 0, 0, null, 'reconnect', 1_000, 1, 1, undefined],
    [428, 1, 1, null, 'reconnect', 2_000, 2, 1, undefined],
    [408, 2, 0, 10_000, 'reconnect', 4_000, 3, 0, undefined],
    [503, 5, 0, null, 'reconnect', 32_000, 6, 0, undefined],
    [undefined, 6, 0, null, 'reconnect', 60_000, 7, 0, undefined],
    [411, 12, 3, null, 'reconnect', 60_000, 13, 4, undefined],
    // The fifth bad session (500) or mismatch (411) without a stable connection: the login is no good.
    [500, 4, 4, null, 'stop', 'bad-session', undefined, undefined, false],
    [411, 7, 4, 30_000, 'stop', 'bad-session', undefined, undefined, false],
    // A connection that stayed open a minute was stable: the counts start again.
    [500, 9, 4, 60_000, 'reconnect', 1_000, 1, 1, undefined],
    [428, 9, 0, 59_999, 'reconnect', 60_000, 10, 0, undefined],
  ] as const)(
    'status %s after %s failures (%s bad sessions), open %s ms: %s (%s)',
    (
      statusCode,
      attempt,
      sessionErrors,
      openForMs,
      action,
      what,
      nextAttempt,
      nextSessionErrors,
      deleteAuth,
    ) => {
      const d = decideOnClose({ statusCode, attempt, sessionErrors, openForMs });
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
        expect(d.sessionErrors).toBe(nextSessionErrors);
      }
    },
  );

  /** The delays of `codes` closing in a row, each connection never opened. */
  function delays(codes: number[]) {
    let attempt = 0;
    let sessionErrors = 0;
    return codes.map((statusCode) => {
      const d = decideOnClose({ statusCode, attempt, sessionErrors, openForMs: null });
      if (d.action === 'stop') return d.reason;
      ({ attempt, sessionErrors } = d);
      return d.delayMs;
    });
  }

  it('a restart asked for again and again is no hot loop: at once, then 2 s, 4 s, 8 s', () => {
    expect(delays([515, 515, 515, 515])).toEqual([0, 2_000, 4_000, 8_000]);
  });

  it('stops at the fifth bad session in a row, even among network failures', () => {
    expect(delays([500, 411, 428, 500, 408, 500, 500])).toEqual([
      1_000,
      2_000,
      4_000,
      8_000,
      16_000,
      32_000,
      'bad-session',
    ]);
  });

  it('tells a logged-out operator how to link again', () => {
    const d = decideOnClose({ statusCode: 401, attempt: 0, sessionErrors: 0, openForMs: null });
    expect(d.action === 'stop' && d.notice.id).toContain('probis whatsapp link');
  });

  it('tells the operator of a broken login to unlink, then link', () => {
    const d = decideOnClose({ statusCode: 500, attempt: 4, sessionErrors: 4, openForMs: null });
    expect(d.action === 'stop' && d.notice.id).toContain(
      'Tautkan ulang: probis whatsapp unlink, lalu probis whatsapp link',
    );
    expect(d.action === 'stop' && d.notice.en).toContain(
      'Link again: probis whatsapp unlink, then probis whatsapp link.',
    );
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
