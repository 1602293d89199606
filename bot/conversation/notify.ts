// Messages addressed to a person rather than to the chat an update came from: a notice to a
// coordinator, a reminder. The person is reached on the account they wrote from last that can
// still be reached; one who never joined, or blocked every channel, is not messaged. A WhatsApp
// account its person never wrote from (only imported from an organisation file) is not written
// to first: cold messages get a WhatsApp number banned.
import type { Effect, Outbound } from '../../core/interview/index.js';
import type { Bilingual } from '../../core/language/bilingual.js';
import type { AccountPlatform } from '../../core/model/index.js';
import { type Db, type OutboundMessage, accountChatKey, accountsOfPerson } from '../../db/index.js';
import type { Logger } from '../log.js';
import { textIn } from './texts.js';

/** Where a person is reached now: a chat key and its platform, or null. */
export async function addressOf(
  tx: Db,
  personId: string,
): Promise<{ platform: AccountPlatform; chatKey: string; accountId: string } | null> {
  const best = (await accountsOfPerson(tx, { personId })).find(
    (a) => !a.unreachableSince && (a.platform !== 'whatsapp' || a.contactedAt !== null),
  );
  if (!best) return null;
  return { platform: best.platform, chatKey: accountChatKey(best), accountId: best.accountId };
}

/** The outbox rows for the interview's notify effects, each addressed to its person's chat. */
export async function addressNotices(
  tx: Db,
  effects: readonly Effect[],
  log: Logger,
): Promise<OutboundMessage[]> {
  const out: OutboundMessage[] = [];
  for (const e of effects) {
    if (e.kind !== 'notify') continue;
    const to = await addressOf(tx, e.personId);
    if (!to) {
      log.info('notify.unreachable', { person: e.personId });
      continue;
    }
    out.push({ platform: to.platform, chatKey: to.chatKey, payload: notice(e.message) });
  }
  return out;
}

function notice(m: Bilingual): Outbound {
  return textIn(m);
}
