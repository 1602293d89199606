// What a WhatsApp chat needs to read a reply: the last question the person was sent. WhatsApp has
// no dependable buttons, so choices go out as numbered lines and a bare "2" answers the question
// the person saw: the channel turns it into that question's choice, at that question's revision
// (a late reply to an earlier question is then refused kindly, never applied to the wrong one).
import { and, desc, eq, sql } from 'drizzle-orm';
import { cleanText } from '../clean-text.js';
import type { Db } from '../client.js';
import { outbox } from '../schema.js';

export type QuestionSent = {
  rev: number;
  /** How many choices it showed. */
  choices: number;
  numbering: 'numbers' | 'letters';
};

/** The last question sent to a chat (sent, not only queued), or null. */
export async function lastQuestionSent(db: Db, chatKey: string): Promise<QuestionSent | null> {
  const [row] = await db
    .select({ payload: outbox.payload })
    .from(outbox)
    .where(
      and(
        eq(outbox.chatKey, cleanText(chatKey)),
        eq(outbox.status, 'sent'),
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
