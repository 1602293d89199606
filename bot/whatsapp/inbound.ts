// WhatsApp messages to what the channel does with them: a pure converter from one Baileys
// `WAMessage` (of a `messages.upsert` event) or one `messages.update` entry to a tagged union.
// What WhatsApp sends besides plain text is each given its kind here, and channel.ts decides
// what to say (see the README's table). No Baileys type leaves bot/whatsapp/.
import {
  type WAMessage,
  type WAMessageKey,
  type WAMessageUpdate,
  WAMessageStubType,
  isJidBroadcast,
  isJidGroup,
  isJidNewsletter,
  isJidStatusBroadcast,
  isLidUser,
  jidDecode,
  normalizeMessageContent,
  proto,
} from '@whiskeysockets/baileys';

/** Media and other content that is not text: the person is told what is expected. */
export type WhatsAppMediaKind =
  'image' | 'video' | 'voice' | 'sticker' | 'document' | 'location' | 'contact' | 'other';

export type IgnoreReason =
  | 'own-message'
  | 'status'
  | 'broadcast'
  | 'newsletter'
  | 'history'
  | 'reaction'
  | 'protocol'
  | 'stub'
  | 'no-sender'
  | 'empty';

/**
 * Who wrote: the account Probis knows them by, and where replies go. `accountId` is the phone
 * number's digits ("6281234567890") or, for a sender WhatsApp names by a LID, "<lid>@lid" (a LID
 * is no phone number and is never read as one). `alt` is the other form WhatsApp gave alongside
 * (remoteJidAlt, participantAlt): the phone number with a LID, the LID with a phone number.
 */
export type WhatsAppSender = { accountId: string; alt: string | null };

type Base = {
  /** The inbox key: the chat and the message id, so a message received twice is applied once. */
  updateKey: string;
  sender: WhatsAppSender;
  /** Seconds since the epoch (0 when WhatsApp gave none). */
  at: number;
};

export type WhatsAppInbound =
  | (Base & { kind: 'text'; text: string })
  | (Base & { kind: 'media'; what: WhatsAppMediaKind })
  /** The sender edited an earlier message: `messageId` is the edited one's. */
  | (Base & { kind: 'edited'; messageId: string })
  /** The sender deleted an earlier message for everyone: `messageId` is the deleted one's. */
  | (Base & { kind: 'revoked'; messageId: string })
  /** A message that could not be decrypted (a stub): logged, never an answer. */
  | { kind: 'undecryptable'; updateKey: string; sender: WhatsAppSender | null }
  /** A message in a group: never answered there; `sender` is the participant, when known. */
  | { kind: 'group'; updateKey: string; sender: WhatsAppSender | null }
  | { kind: 'ignore'; updateKey: string; reason: IgnoreReason };

/** "6281234567890" for a phone-number JID, "12345@lid" for a LID; null for anything else. */
export function accountOfJid(jid: string | null | undefined): string | null {
  if (!jid) return null;
  const d = jidDecode(jid);
  if (!d?.user) return null;
  if (isLidUser(jid)) return `${d.user}@lid`;
  if (d.server === 's.whatsapp.net' || d.server === 'c.us')
    return /^\d{5,20}$/.test(d.user) ? d.user : null;
  return null;
}

/** The JID an account is written to: the inverse of accountOfJid. */
export function jidOfAccount(accountId: string): string {
  return accountId.endsWith('@lid') ? accountId : `${accountId}@s.whatsapp.net`;
}

/** The chat key of an account's private chat (db/repositories/channel-accounts.ts). */
export function whatsappChatKey(accountId: string): string {
  return `whatsapp:${accountId}`;
}

/** The account of a chat key "whatsapp:<account>", or null. */
export function accountOfChatKey(chatKey: string): string | null {
  const m = /^whatsapp:(.+)$/.exec(chatKey);
  return m ? m[1]! : null;
}

/**
 * The sender of a private message, or a group participant. WhatsApp addresses one account by its
 * LID or by its phone number, and Baileys 7 gives the other form alongside (remoteJidAlt,
 * participantAlt): kept either way, so both accounts can be looked up. A number is never guessed
 * from a LID.
 */
function senderOf(
  jid: string | null | undefined,
  alt: string | null | undefined,
): WhatsAppSender | null {
  const accountId = accountOfJid(jid);
  if (!accountId) return null;
  const other = accountOfJid(alt);
  const isLid = (a: string) => a.endsWith('@lid');
  return { accountId, alt: other && isLid(other) !== isLid(accountId) ? other : null };
}

/**
 * One name for a sender however WhatsApp addressed the message: the LID when it is known (it is
 * given with either form), else the phone number. Inbox keys and the order of a chat's messages
 * use it, so a message addressed once by LID and once by number is applied once, in order.
 */
export function senderKey(s: WhatsAppSender): string {
  return s.accountId.endsWith('@lid') ? s.accountId : (s.alt ?? s.accountId);
}

/** A private message's inbox key names its sender (senderKey); any other names the chat. */
function keyOf(key: WAMessageKey, id: string | null | undefined): string {
  const remote = key.remoteJid;
  const isPrivate = !!remote && !isJidGroup(remote) && !isJidBroadcast(remote);
  const sender = isPrivate ? senderOf(remote, key.remoteJidAlt) : null;
  const chat = sender ? senderKey(sender) : (accountOfJid(remote) ?? remote ?? 'unknown');
  return `${chat}/${id ?? 'no-id'}`;
}

const ProtocolType = proto.Message.ProtocolMessage.Type;

/** The content under ephemeral, view-once and document-with-caption envelopes. */
function contentOf(m: proto.IMessage | null | undefined): proto.IMessage | undefined {
  return normalizeMessageContent(m ?? undefined);
}

function mediaKind(c: proto.IMessage): WhatsAppMediaKind | null {
  if (c.imageMessage) return 'image';
  if (c.videoMessage || c.ptvMessage) return 'video';
  if (c.audioMessage) return 'voice';
  if (c.stickerMessage || c.lottieStickerMessage) return 'sticker';
  if (c.documentMessage) return 'document';
  if (c.locationMessage || c.liveLocationMessage) return 'location';
  if (c.contactMessage || c.contactsArrayMessage) return 'contact';
  if (
    c.pollCreationMessage ||
    c.pollCreationMessageV2 ||
    c.pollCreationMessageV3 ||
    c.eventMessage ||
    c.groupInviteMessage ||
    c.productMessage ||
    c.orderMessage
  )
    return 'other';
  return null;
}

/** An 'append' message older than this is history, not a message waiting for an answer. */
export const OFFLINE_HORIZON_S = 7 * 24 * 3600;

/**
 * One message of a `messages.upsert` event. `type` 'append' is what WhatsApp held while Probis was
 * offline (Baileys confirms it before emitting, so it never comes again) or history: a message of
 * the last OFFLINE_HORIZON_S is answered as a live one, an older one (or one without a time) is
 * history. Probis's own sends come back as 'append' too, from itself: never answered.
 */
export function fromWhatsAppMessage(
  msg: WAMessage,
  type: 'notify' | 'append',
  nowS: number = Math.floor(Date.now() / 1000),
): WhatsAppInbound {
  const key = msg.key;
  const remote = key.remoteJid ?? '';
  const updateKey = keyOf(key, key.id);
  if (key.fromMe) return { kind: 'ignore', updateKey, reason: 'own-message' };
  if (isJidStatusBroadcast(remote)) return { kind: 'ignore', updateKey, reason: 'status' };
  if (isJidBroadcast(remote)) return { kind: 'ignore', updateKey, reason: 'broadcast' };
  if (isJidNewsletter(remote)) return { kind: 'ignore', updateKey, reason: 'newsletter' };
  const sentAt = Number(msg.messageTimestamp ?? 0) || 0;
  if (type !== 'notify' && (!sentAt || nowS - sentAt > OFFLINE_HORIZON_S))
    return { kind: 'ignore', updateKey, reason: 'history' };
  if (isJidGroup(remote))
    return {
      kind: 'group',
      updateKey,
      sender: senderOf(key.participant ?? msg.participant, key.participantAlt),
    };
  const sender = senderOf(remote, key.remoteJidAlt);
  if (!sender) return { kind: 'ignore', updateKey, reason: 'no-sender' };
  if (!msg.message) {
    if (msg.messageStubType === WAMessageStubType.CIPHERTEXT)
      return { kind: 'undecryptable', updateKey, sender };
    return { kind: 'ignore', updateKey, reason: 'stub' };
  }
  const base = { updateKey, sender, at: sentAt };
  // An edit, as it comes in the upsert: before unwrapping, which would take it for new content.
  const edit =
    msg.message.editedMessage?.message?.protocolMessage ??
    (msg.message.protocolMessage?.type === ProtocolType.MESSAGE_EDIT
      ? msg.message.protocolMessage
      : null);
  if (edit?.key?.id) {
    return {
      ...base,
      updateKey: `edited:${keyOf(key, edit.key.id)}`,
      kind: 'edited',
      messageId: edit.key.id,
    };
  }
  const c = contentOf(msg.message);
  if (!c) return { kind: 'ignore', updateKey, reason: 'empty' };
  if (c.protocolMessage) {
    const p = c.protocolMessage;
    if (p.type === ProtocolType.REVOKE && p.key?.id)
      return {
        ...base,
        updateKey: `revoked:${keyOf(key, p.key.id)}`,
        kind: 'revoked',
        messageId: p.key.id,
      };
    return { kind: 'ignore', updateKey, reason: 'protocol' };
  }
  if (c.reactionMessage || c.encReactionMessage)
    return { kind: 'ignore', updateKey, reason: 'reaction' };
  const text = c.conversation ?? c.extendedTextMessage?.text;
  if (typeof text === 'string' && text.trim()) return { ...base, kind: 'text', text };
  const media = mediaKind(c);
  if (media) return { ...base, kind: 'media', what: media };
  // A sender-key distribution or another key exchange alone: nothing the person wrote.
  return { kind: 'ignore', updateKey, reason: 'empty' };
}

/**
 * One entry of a `messages.update` event: Baileys reports a deleted message (stub REVOKE) and an
 * edited one (message.editedMessage) there too. Everything else there (receipts, status) is null.
 */
export function fromWhatsAppUpdate(u: WAMessageUpdate): WhatsAppInbound | null {
  const { key, update } = u;
  const remote = key.remoteJid ?? '';
  if (key.fromMe || !key.id) return null;
  if (isJidGroup(remote) || isJidBroadcast(remote) || isJidNewsletter(remote)) return null;
  const sender = senderOf(remote, key.remoteJidAlt);
  if (!sender) return null;
  const at = Number(update.messageTimestamp ?? 0) || 0;
  if (update.messageStubType === WAMessageStubType.REVOKE && update.message === null)
    return {
      kind: 'revoked',
      updateKey: `revoked:${keyOf(key, key.id)}`,
      sender,
      at,
      messageId: key.id,
    };
  if (update.message?.editedMessage)
    return {
      kind: 'edited',
      updateKey: `edited:${keyOf(key, key.id)}`,
      sender,
      at,
      messageId: key.id,
    };
  return null;
}
