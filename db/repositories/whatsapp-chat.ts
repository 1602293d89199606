// What a WhatsApp chat needs to read a reply: the last question the person was sent. WhatsApp has
// no dependable buttons, so choices go out as numbered lines and a bare "2" answers the question
// the person saw: the channel turns it into that question's choice, at that question's revision
// (a late reply to an earlier question is then refused kindly, never applied to the wrong one).
import { and, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { cleanText } from '../clean-text.js';
import type { Db } from '../client.js';
import { invitations, outbox } from '../schema.js';

export type QuestionSent = {
  rev: number;
  /** How many choices it showed. */
  choices: number;
  numbering: 'numbers' | 'letters';
};

/**
 * The last question of a chat: the newest question row that is sent or still waiting to be (a
 * person answers the question they saw, and its mark as sent may come after their answer; a
 * question given up never reached them). Null when there is none.
 */
export async function lastQuestionSent(db: Db, chatKey: string): Promise<QuestionSent | null> {
  const [row] = await db
    .select({ payload: outbox.payload })
    .from(outbox)
    .where(
      and(
        eq(outbox.chatKey, cleanText(chatKey)),
        inArray(outbox.status, ['sent', 'pending']),
        sql`${outbox.payload}->>'kind' = 'question'`,
      ),
    )
    .orderBy(desc(outbox.id))
    .limit(1);
  const p = row?.payload as { rev?: unknown; choices?: unknown; numbering?: unknown } | undefined;
  if (!p || typeof p.rev !== 'number' || !Array.isArray(p.choices)) return null;
  return {
    rev: p.rev,
    choices: p.choices.length,
    numbering: p.numbering === 'letters' ? 'letters' : 'numbers',
  };
}

/**
 * Whether a token is an invitation that can still be redeemed (not used, revoked or expired). The
 * channel asks before a refusal: a number linked to nobody is refused at most once a day.
 */
export async function invitationOpen(db: Db, token: string, now: Date): Promise<boolean> {
  const [row] = await db
    .select({ token: invitations.token })
    .from(invitations)
    .where(
      and(
        eq(invitations.token, cleanText(token)),
        isNull(invitations.usedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .limit(1);
  return !!row;
}
