// Messages that time or other people address to a person: a reminder, another unit's answer on a
// handoff, a review of their process. Written in the transaction of what causes them, delivered
// after commit by a job (undeliveredPersonEvents -> the interview's step -> markPersonEventDelivered).
import { and, asc, eq, isNull, like, max } from 'drizzle-orm';
import { z } from 'zod';
import type { Input } from '../../core/interview/types.js';
import { HandoffConfirmation } from '../../core/model/process.js';
import { cleanJson, cleanText } from '../clean-text.js';
import type { Db } from '../client.js';
import { personEvents } from '../schema.js';

/** The interview Inputs a person event carries, checked when read back. */
export const PersonEventInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('reminder-due'),
    at: z.string(),
    left: z
      .object({ processes: z.number().int().min(0), handoffs: z.number().int().min(0) })
      .optional(),
  }),
  z.object({
    kind: z.literal('process-event'),
    event: z.enum([
      'changed',
      'handoff-asked',
      'handoff-confirmed',
      'handoff-disputed',
      'handoff-settled',
      'correction-proposed',
      'returned',
      'approved',
      'validated',
    ]),
    processId: z.string(),
    by: z.string(),
    comment: z.string().nullable(),
    confirmation: HandoffConfirmation.optional(),
  }),
]);
export type PersonEventInput = z.infer<typeof PersonEventInput>;

// Kept in step with core's Input: this line stops compiling when either side changes alone.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const inStep: Same<PersonEventInput, Extract<Input, { kind: PersonEventInput['kind'] }>> = true;
void inStep;

export type PersonEvent = {
  id: number;
  key: string;
  organisationId: string;
  personId: string;
  input: PersonEventInput;
  createdAt: Date;
};

/** A stored input that no longer parses: stored data was damaged outside Probis. */
export class PersonEventInvalidError extends Error {
  constructor(readonly id: number) {
    super(`person event ${id} does not hold a valid input`);
    this.name = 'PersonEventInvalidError';
  }
}

/**
 * Adds a message for a person, in the caller's transaction. False when an event with this key
 * exists already: a reminder keyed "reminder:<person>:<yyyy-mm-dd>" is never queued twice a day.
 */
export async function addPersonEvent(
  db: Db,
  p: {
    key: string;
    organisationId: string;
    personId: string;
    input: PersonEventInput;
    at?: Date;
  },
): Promise<boolean> {
  const input = PersonEventInput.parse(cleanJson(p.input));
  const rows = await db
    .insert(personEvents)
    .values({
      key: cleanText(p.key),
      organisationId: p.organisationId,
      personId: p.personId,
      input,
      ...(p.at ? { createdAt: p.at } : {}),
    })
    .onConflictDoNothing({ target: personEvents.key })
    .returning({ id: personEvents.id });
  return rows.length > 0;
}

/** Events not delivered yet, oldest first. */
export async function undeliveredPersonEvents(
  db: Db,
  p: { limit: number },
): Promise<PersonEvent[]> {
  const rows = await db
    .select({
      id: personEvents.id,
      key: personEvents.key,
      organisationId: personEvents.organisationId,
      personId: personEvents.personId,
      input: personEvents.input,
      createdAt: personEvents.createdAt,
    })
    .from(personEvents)
    .where(isNull(personEvents.deliveredAt))
    .orderBy(asc(personEvents.id))
    .limit(p.limit);
  return rows.map((r) => {
    const input = PersonEventInput.safeParse(r.input);
    if (!input.success) throw new PersonEventInvalidError(r.id);
    return { ...r, input: input.data };
  });
}

/**
 * Records how an event's delivery ended. False when it was delivered already (or is gone): a
 * second job that picked it up too does not deliver it twice.
 */
export async function markPersonEventDelivered(
  db: Db,
  p: { id: number; outcome: 'delivered' | 'unreachable' | 'refused'; at?: Date },
): Promise<boolean> {
  const rows = await db
    .update(personEvents)
    .set({ deliveredAt: p.at ?? new Date(), outcome: p.outcome })
    .where(and(eq(personEvents.id, p.id), isNull(personEvents.deliveredAt)))
    .returning({ id: personEvents.id });
  return rows.length > 0;
}

/** When each person of the organisation was last reminded (queued), by person id. */
export async function lastReminders(
  db: Db,
  p: { organisationId: string },
): Promise<Map<string, Date>> {
  const rows = await db
    .select({ personId: personEvents.personId, at: max(personEvents.createdAt) })
    .from(personEvents)
    .where(
      and(eq(personEvents.organisationId, p.organisationId), like(personEvents.key, 'reminder:%')),
    )
    .groupBy(personEvents.personId);
  return new Map(rows.flatMap((r) => (r.at ? [[r.personId, new Date(r.at)] as const] : [])));
}
