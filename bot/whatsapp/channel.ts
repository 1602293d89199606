// WhatsApp, wired on one connected socket: `messages.upsert` (and `messages.update`, where
// Baileys reports edits and deletions) in, converted (inbound.ts) and applied through the shared
// inbound runner keyed by sender (the LID when known, however WhatsApp addressed the message);
// replies out through the outbox (sender.ts). Started on every connection 'open', stopped on
// 'close' (the sends under way end, nothing more is claimed); what was not yet sent waits in the
// outbox for the next connection.
//
// What WhatsApp sends besides answers is each handled here (the README's table): groups and
// status are never answered nor stored, a linked person gets one private hint; own messages are
// never answered; what came while Probis was offline is answered, older history ignored; edits
// and deletions are no new answers, the person is told once how to correct one that was
// recorded; reactions are ignored; an undecryptable message is logged once; media is answered
// with what is expected and the question again; an unknown number is told once (ever, whatever
// process) how to get an invitation, a wrong code at most once a day, and is never written to
// unprompted (nor is a group member in private: outage and set-aside notices go only to a linked
// person who wrote privately).
import {
  type ConversationService,
  type HandleResult,
  type InboundEvent,
} from '../conversation/service.js';
import type { App } from '../app.js';
import {
  type AccountKey,
  type Db,
  type QuestionSent,
  ONCE_KEY_PREFIX,
  applyInbound,
  findPersonByAccount,
  inboxStatus,
  invitationOpen,
  lastQuestionSent,
} from '../../db/index.js';
import { STATE_VERSION, type Input } from '../../core/interview/index.js';
import { bilingual, textFor } from '../../core/language/bilingual.js';
import { whatsappRedeemMessage } from '../conversation/invitation-text.js';
import { InboundRunner, StorageUnavailableError } from '../conversation/inbound-runner.js';
import { OutboxSender } from '../delivery/outbox-sender.js';
import type { Pacer } from '../delivery/pacer.js';
import { errorFields } from '../log.js';
import {
  type WhatsAppInbound,
  type WhatsAppMediaKind,
  type WhatsAppSender as Sender,
  fromWhatsAppMessage,
  fromWhatsAppUpdate,
  jidOfAccount,
  senderKey,
  whatsappChatKey,
} from './inbound.js';
import { WhatsAppSender } from './sender.js';
import type { WhatsAppChannel as BaseChannel, WhatsAppSocket } from './socket.js';

export type WhatsAppChannelOptions = {
  /** Pacing of every send (default WHATSAPP_PACING); tests pass one on a fake clock. */
  pacer?: Pacer;
  /** Waits of the pacer and of the runner's retries; tests pass one that does not wait. */
  sleep?: (ms: number) => Promise<void>;
  /** How often due outbox retries are looked for, and work held by an outage tried again. */
  retryEveryMs?: number;
  /** The conversation service (default the app's); tests wrap it to make storage fail. */
  service?: Pick<ConversationService, 'handle'>;
  /**
   * The wait before work held by a storage outage is tried again (default: retryEveryMs of real
   * time); tests pass one they release themselves.
   */
  heldWait?: (ms: number) => Promise<void>;
  /** The outbox's clock (default the real one): which retries are due. */
  now?: () => Date;
};

export type WhatsAppChannel = BaseChannel & {
  /** Resolves once every message received so far is applied and its replies sent (tests). */
  settled(): Promise<void>;
};

const t = (id: string, en: string) => textFor(bilingual(id, en), 'both-inline');

/** Said once, ever, to a number that is linked to nobody. No data, no interview. */
export const NOT_LINKED_TEXT = t(
  `Maaf, nomor ini belum terdaftar di Probis. Mintalah undangan kepada koordinator peta proses bisnis di instansi Anda (biasanya Bagian Organisasi), lalu buka tautan undangan itu, atau kirim kodenya ke sini sebagai pesan, misalnya "${whatsappRedeemMessage('KODE')}".`,
  `Sorry, this number is not registered with Probis. Ask the business-process coordinator of your organisation (usually Bagian Organisasi) for an invitation, then open its link, or send its code here as a message, e.g. "${whatsappRedeemMessage('KODE')}".`,
);
/** Said once to a linked person who wrote in a group Probis is in. */
export const GROUP_HINT_TEXT = t(
  'Probis tidak membaca dan tidak menjawab pesan di grup. Untuk melanjutkan, tulis di chat pribadi ini.',
  'Probis does not read or answer messages in groups. To go on, write in this private chat.',
);
/** Said once per edited message: the edit is no new answer. */
export const EDITED_TEXT = t(
  'Pesan yang disunting tidak saya baca ulang; jawaban semula tetap tercatat. Untuk mengganti jawaban terakhir ketik /kembali; untuk mengubah satu langkah ketik /ubah dengan nomornya, misalnya "/ubah 2".',
  'I do not reread edited messages; the first answer stays recorded. To change the last answer type /kembali; to change a step type /ubah with its number, e.g. "/ubah 2".',
);
/** Said once per deleted message: deleting does not take an answer back. */
export const REVOKED_TEXT = t(
  'Pesan yang Anda hapus sudah tercatat sebagai jawaban dan tetap tersimpan. Untuk memperbaikinya ketik /kembali (jawaban terakhir) atau /ubah dengan nomor langkahnya, misalnya "/ubah 2".',
  'The message you deleted was already recorded as an answer and stays. To correct it type /kembali (the last answer) or /ubah with the step number, e.g. "/ubah 2".',
);

/** What the engine is told a media message is. */
const MEDIA_INPUT: Record<WhatsAppMediaKind, Extract<Input, { kind: 'unsupported' }>['what']> = {
  image: 'photo',
  video: 'other',
  voice: 'voice',
  sticker: 'sticker',
  document: 'document',
  location: 'location',
  contact: 'other',
  other: 'other',
};

/** An invitation token: what createInvitation makes (base64url), 1-64 characters. */
const TOKEN = /^[A-Za-z0-9_-]{1,64}$/;
/** "kode <code>", "kode undangan: <code>", "/start <code>" (the wa.me link types the first). */
const PREFIXED = /^\s*(?:\/start|kode(?:\s+undangan)?)(?:\s*:\s*|\s+)(\S+)\s*$/i;
/**
 * A code exactly as createInvitation makes it (24 random bytes, base64url: 32 characters). A bare
 * word is taken for one only from a number linked to nobody, and only in this shape.
 */
const EXACT = /^[A-Za-z0-9_-]{32}$/;
const BARE = /^\s*([A-Za-z0-9_-]{32})\s*$/;

/** The invitation a text carries, if any. `linked`: the sender is linked already. */
export function invitationIn(
  text: string,
  linked: boolean,
): { token: string | null; malformed: boolean } | null {
  const p = PREFIXED.exec(text);
  if (p) {
    const ok = TOKEN.test(p[1]!);
    // A linked person's answer may begin with "kode": only a whole code counts then.
    if (linked && !EXACT.test(p[1]!)) return null;
    return ok ? { token: p[1]!, malformed: false } : { token: null, malformed: true };
  }
  const b = linked ? null : BARE.exec(text);
  return b ? { token: b[1]!, malformed: false } : null;
}

/**
 * A bare number (or letter, where numbers name steps) answering the last question sent: that
 * question's choice, at its revision, as a button press is on Telegram. Null for anything else,
 * which the engine reads as words.
 */
export function choiceReply(
  text: string,
  q: QuestionSent | null,
): Extract<Input, { kind: 'button' }> | null {
  if (!q || !q.choices) return null;
  const s = text.trim().toLowerCase().replace(/[.)]$/, '');
  const index =
    q.numbering === 'letters'
      ? /^[a-z]$/.test(s)
        ? s.charCodeAt(0) - 97
        : -1
      : /^\d{1,2}$/.test(s)
        ? Number(s) - 1
        : -1;
  return index >= 0 && index < q.choices ? { kind: 'button', rev: q.rev, index } : null;
}

/** A message as the runner's work: the event, and what the channel does with it. */
type Plan = Exclude<WhatsAppInbound, { kind: 'ignore' | 'undecryptable' }>;
type Work = { kind: 'event'; event: InboundEvent; plan: Plan };

const NOTHING: HandleResult = { outcome: 'duplicate', status: 'done' };

export async function startWhatsAppChannel(
  app: App,
  socket: WhatsAppSocket,
  opts: WhatsAppChannelOptions = {},
): Promise<WhatsAppChannel> {
  const { db } = app.database;
  const log = app.log;
  const service = opts.service ?? app.service;
  const sender = new WhatsAppSender({
    socket,
    ...(opts.pacer ? { pacer: opts.pacer } : {}),
    ...(opts.sleep ? { sleep: opts.sleep } : {}),
  });
  await app.jobs.start({ work: app.config.jobs === 'on' });
  const outbox = new OutboxSender(db, sender, log, {
    maps: app.maps,
    ...(opts.now ? { now: opts.now } : {}),
  });
  const plans = new WeakMap<InboundEvent, Plan>();
  /** Undecryptable messages logged (each once, however often WhatsApp retries it). */
  const undecryptable = new Set<string>();
  const pending = new Set<Promise<void>>();
  let stopped = false;

  /** The account each sender (senderKey) was last found linked as: where a notice may go. */
  const linkedAs = new Map<string, string>();
  const remember = (s: Sender, linked: AccountKey | null): void => {
    if (linked) linkedAs.set(senderKey(s), linked.accountId);
    else linkedAs.delete(senderKey(s));
    if (linkedAs.size > 10_000) linkedAs.clear();
  };

  const handle = (ev: InboundEvent): Promise<HandleResult> =>
    applyPlan(db, service, ev, plans.get(ev)!, log, remember);

  const runner = new InboundRunner<Work>({
    db,
    service: { handle },
    log,
    // The sender however WhatsApp addressed them: one person's messages one at a time, in order.
    key: (w) => whatsappChatKey(senderKey(w.plan.sender!)),
    // Only a linked person who wrote privately is written to unprompted (an outage, a message
    // set aside): never a group's member in private, never a number linked to nobody.
    notice: async (w, n) => {
      const { plan } = w;
      if (plan.kind !== 'text' && plan.kind !== 'media') return;
      const account =
        linkedAs.get(senderKey(plan.sender)) ??
        (await linkedAccount(db, plan.sender).catch(() => null))?.accountId;
      if (account) await sender.sendDirect(jidOfAccount(account), n.text);
    },
    onApplied: () => outbox.kick(),
    ...(opts.sleep ? { sleep: opts.sleep } : {}),
  });

  const retryEvery = opts.retryEveryMs ?? 1000;
  const heldWait = opts.heldWait ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  /** Per chat (the runner's key), the last work given to it: new work queues behind it. */
  const tails = new Map<string, Promise<void>>();

  /** Runs one chat's works; during a storage outage, again every `retryEvery` until stored. */
  const runHeld = async (works: Work[]): Promise<void> => {
    for (;;) {
      try {
        await runner.run(works);
        return;
      } catch (e) {
        // WhatsApp does not deliver a message again: it waits here until storage is back.
        if (!(e instanceof StorageUnavailableError) || stopped) {
          if (!(e instanceof StorageUnavailableError))
            log.error('whatsapp.run_failed', errorFields(e));
          return;
        }
        await heldWait(retryEvery);
      }
    }
  };

  /**
   * Runs the works, each chat's behind what that chat was given before: a message held by an
   * outage is applied before one that came after it.
   */
  const run = (works: Work[]): void => {
    const byChat = new Map<string, Work[]>();
    for (const w of works) {
      const key = whatsappChatKey(senderKey(w.plan.sender!));
      byChat.set(key, [...(byChat.get(key) ?? []), w]);
    }
    for (const [key, chatWorks] of byChat) {
      const p = (tails.get(key) ?? Promise.resolve()).then(() => runHeld(chatWorks));
      tails.set(key, p);
      pending.add(p);
      void p.finally(() => {
        pending.delete(p);
        if (tails.get(key) === p) tails.delete(key);
      });
    }
  };

  const toWork = (m: WhatsAppInbound): Work | null => {
    switch (m.kind) {
      case 'ignore':
        log.debug('whatsapp.ignored', { update: m.updateKey, reason: m.reason });
        return null;
      case 'undecryptable':
        if (!undecryptable.has(m.updateKey)) {
          undecryptable.add(m.updateKey);
          if (undecryptable.size > 10_000) undecryptable.clear();
          log.warn('whatsapp.undecryptable', { update: m.updateKey });
        }
        return null;
      case 'group':
        if (!m.sender) return null;
        break;
    }
    const s = m.sender!;
    const event: InboundEvent = {
      platform: 'whatsapp',
      updateKey: m.updateKey,
      chatKey: whatsappChatKey(s.accountId),
      identity: { kind: 'whatsapp', accountId: s.accountId },
      input: { kind: 'resume' },
    };
    plans.set(event, m);
    return { kind: 'event', event, plan: m };
  };

  const onUpsert = (u: { messages: Parameters<typeof fromWhatsAppMessage>[0][]; type: string }) => {
    if (stopped) return;
    const type = u.type === 'notify' ? 'notify' : 'append';
    run(u.messages.flatMap((m) => toWork(fromWhatsAppMessage(m, type)) ?? []));
  };
  const onUpdate = (updates: Parameters<typeof fromWhatsAppUpdate>[0][]) => {
    if (stopped) return;
    run(updates.flatMap((u) => toWork(fromWhatsAppUpdate(u) ?? ignoreAll) ?? []));
  };
  socket.ev.on('messages.upsert', onUpsert);
  socket.ev.on('messages.update', onUpdate);

  // Retries fall due with time, and maps rendered elsewhere come back: look every interval.
  const retry = setInterval(() => outbox.kick(), retryEvery);
  outbox.kick();
  log.info('whatsapp.channel_started', {});

  const settled = async (): Promise<void> => {
    while (pending.size) await Promise.allSettled([...pending]);
    await outbox.drain();
  };

  return {
    settled,
    async stop() {
      stopped = true;
      socket.ev.off('messages.upsert', onUpsert);
      socket.ev.off('messages.update', onUpdate);
      clearInterval(retry);
      await Promise.allSettled([...pending]);
      // Only the sends under way end (failing, the connection is gone); nothing more is claimed,
      // so a flapping connection costs no message an attempt.
      sender.stop();
      await outbox.pause();
      outbox.close();
    },
  };
}

const ignoreAll: WhatsAppInbound = { kind: 'ignore', updateKey: 'update', reason: 'protocol' };

/** The account a sender is linked as: the one WhatsApp names, else the number given with a LID. */
async function linkedAccount(db: Db, s: Sender): Promise<AccountKey | null> {
  const primary: AccountKey = { platform: 'whatsapp', accountId: s.accountId };
  if (await findPersonByAccount(db, primary)) return primary;
  if (s.alt) {
    const alt: AccountKey = { platform: 'whatsapp', accountId: s.alt };
    if (await findPersonByAccount(db, alt)) return alt;
  }
  return null;
}

/**
 * A text to a chat, stored with the key `key` in the inbox: sent once whatever comes again (a
 * message delivered twice, a restart, another process).
 */
async function tellOnce(db: Db, key: string, chatKey: string, text: string): Promise<HandleResult> {
  return applyInbound(db, { platform: 'whatsapp', updateKey: key, chatKey }, () => ({
    state: undefined,
    stateVersion: STATE_VERSION,
    personId: null,
    outbound: [{ platform: 'whatsapp', payload: { kind: 'text', text } }],
  }));
}

async function applyPlan(
  db: Db,
  service: Pick<ConversationService, 'handle'>,
  ev: InboundEvent,
  plan: Plan,
  log: App['log'],
  remember: (s: Sender, linked: AccountKey | null) => void,
): Promise<HandleResult> {
  const s = plan.sender!;
  // Read in the chat's order (the runner's key): an invitation redeemed just before counts.
  const linked = await linkedAccount(db, s);
  remember(s, linked);
  const as = (a: AccountKey): InboundEvent => ({
    ...ev,
    chatKey: whatsappChatKey(a.accountId),
    identity: { kind: 'whatsapp', accountId: a.accountId },
  });
  switch (plan.kind) {
    case 'group':
      // Only to a person who joined: a cold message to a stranger's number is what gets a
      // number banned.
      if (!linked) return NOTHING;
      return tellOnce(
        db,
        `${ONCE_KEY_PREFIX}group-hint:${linked.accountId}`,
        whatsappChatKey(linked.accountId),
        GROUP_HINT_TEXT,
      );
    case 'edited':
    case 'revoked': {
      if (!linked) return NOTHING;
      // "Recorded as an answer" only of a message that was: one never received, or set aside,
      // is no answer to keep.
      const original = plan.updateKey.slice(plan.updateKey.indexOf(':') + 1);
      if ((await inboxStatus(db, { platform: 'whatsapp', updateKey: original })) !== 'done')
        return NOTHING;
      return tellOnce(
        db,
        plan.updateKey,
        whatsappChatKey(linked.accountId),
        plan.kind === 'edited' ? EDITED_TEXT : REVOKED_TEXT,
      );
    }
    case 'media':
      if (!linked) return notLinked(db, ev, s, log);
      return service.handle({
        ...as(linked),
        input: { kind: 'unsupported', what: MEDIA_INPUT[plan.what] },
      });
    case 'text': {
      const invitation = invitationIn(plan.text, !!linked);
      if (invitation)
        return linked
          ? service.handle({ ...as(linked), invitation })
          : tryInvitation(db, service, ev, s, invitation, log);
      if (!linked) return notLinked(db, ev, s, log);
      const chatKey = whatsappChatKey(linked.accountId);
      const choice = choiceReply(plan.text, await lastQuestionSent(db, chatKey));
      return service.handle({ ...as(linked), input: choice ?? { kind: 'text', text: plan.text } });
    }
  }
}

/** A number linked to nobody, with no invitation: told how to get one, once ever. */
async function notLinked(
  db: Db,
  ev: InboundEvent,
  s: Sender,
  log: App['log'],
): Promise<HandleResult> {
  const r = await tellOnce(
    db,
    `${ONCE_KEY_PREFIX}not-linked:${senderKey(s)}`,
    ev.chatKey,
    NOT_LINKED_TEXT,
  );
  log.info('access.refused', {
    platform: 'whatsapp',
    chat: ev.chatKey,
    update: ev.updateKey,
    reason: 'not-linked',
    told: r.outcome === 'applied',
  });
  return { ...r, refused: true };
}

/**
 * An invitation sent by a number linked to nobody. A code that can be redeemed always is; one
 * that cannot is refused (with the reason) once a day per sender, and after that dropped
 * unanswered, so a stranger trying codes gets no stream of replies.
 */
async function tryInvitation(
  db: Db,
  service: Pick<ConversationService, 'handle'>,
  ev: InboundEvent,
  s: Sender,
  invitation: NonNullable<ReturnType<typeof invitationIn>>,
  log: App['log'],
): Promise<HandleResult> {
  const attempt = () => service.handle({ ...ev, invitation });
  if (invitation.token && (await invitationOpen(db, invitation.token, new Date())))
    return attempt();
  const refusedToday = {
    platform: 'whatsapp',
    updateKey: `invite-refused:${senderKey(s)}:${new Date().toISOString().slice(0, 10)}`,
  };
  if ((await inboxStatus(db, refusedToday)) === null) {
    // Marked once the refusal is stored (the runner takes one sender's messages one at a time).
    const r = await attempt();
    await applyInbound(db, { ...refusedToday, chatKey: ev.chatKey }, () => ({
      state: undefined,
      stateVersion: STATE_VERSION,
      personId: null,
      outbound: [],
    }));
    return r;
  }
  log.info('access.refused', {
    platform: 'whatsapp',
    chat: ev.chatKey,
    update: ev.updateKey,
    reason: 'invitation',
    told: false,
  });
  return { ...NOTHING, refused: true };
}
