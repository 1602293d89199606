// An invitation made in chat, in words: each channel says how it is redeemed there.
import type { Outbound } from '../../core/interview/index.js';

export type InvitationMessage = Extract<Outbound, { kind: 'invitation' }>;

/** How a channel's invitation is redeemed: a link to open, a code to send, a command to run. */
export type RedeemHow = { id: string; en: string };

/** The bilingual text of an invitation, Indonesian first, with the channel's way to redeem it. */
export function invitationText(m: InvitationMessage, how: RedeemHow): string {
  const until = m.expiresAt.slice(0, 10);
  return [
    `Undangan untuk ${m.personName} (${m.position}), berlaku sampai ${until}, sekali pakai:\n${how.id}\nKirimkan hanya kepada ${m.personName}.`,
    `Invitation for ${m.personName} (${m.position}), valid until ${until}, works once:\n${how.en}\nSend it to ${m.personName} only.`,
  ].join('\n\n');
}

/** Telegram: the bot's deep link, once the bot's username is known; else the code. */
export function telegramRedeem(token: string, botUsername: string | null): RedeemHow {
  if (botUsername) {
    const link = `https://t.me/${botUsername}?start=${token}`;
    return { id: link, en: link };
  }
  return {
    id: `Kode undangan: ${token} (tautan Telegram tersedia setelah bot Telegram tersambung).`,
    en: `Invitation code: ${token} (the Telegram link is available once the Telegram bot is connected).`,
  };
}

/** The terminal: the code, and how a person redeems it on the messaging channels. */
export function terminalRedeem(token: string): RedeemHow {
  return {
    id: `Kode undangan: ${token}\nDi Telegram: buka https://t.me/<nama bot>?start=${token}. Di WhatsApp: kirim kode itu sebagai pesan pertama ke nomor Probis.`,
    en: `Invitation code: ${token}\nOn Telegram: open https://t.me/<bot name>?start=${token}. On WhatsApp: send the code as the first message to Probis's number.`,
  };
}

/** The message a person sends to Probis's WhatsApp number to redeem an invitation. */
export function whatsappRedeemMessage(token: string): string {
  return `kode ${token}`;
}

/**
 * WhatsApp: a wa.me link that opens a chat with Probis's number with the code already typed, once
 * the linked number is known; else the code and what to send.
 */
export function whatsappRedeem(token: string, ownNumber: string | null): RedeemHow {
  const message = whatsappRedeemMessage(token);
  if (ownNumber) {
    const link = `https://wa.me/${ownNumber.replace(/\D/g, '')}?text=${encodeURIComponent(message)}`;
    return {
      id: `${link}\n(buka tautan itu lalu tekan Kirim; atau kirim "${message}" ke +${ownNumber.replace(/\D/g, '')})`,
      en: `${link}\n(open the link and press Send; or send "${message}" to +${ownNumber.replace(/\D/g, '')})`,
    };
  }
  return {
    id: `Kirim pesan "${message}" ke nomor WhatsApp Probis.`,
    en: `Send the message "${message}" to Probis's WhatsApp number.`,
  };
}
