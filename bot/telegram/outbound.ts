// The engine's messages as Telegram API calls: plain text (never a parse mode, so a person's
// words cannot turn into markup), inline keyboards with compact callback data.
import type { Outbound } from '../../core/interview/index.js';
import { splitText } from '../../core/interview/index.js';
import { bilingual, textFor } from '../../core/language/bilingual.js';
import { fileUnavailable } from '../delivery/file-sources.js';
import { buttonData } from './inbound.js';

/** Said with a map's (or a coordinator's picture's) summary when its picture could not be sent. */
const PICTURE_NOT_SENT = bilingual(
  'Gambar tidak dapat dikirim; berikut ringkasannya.',
  'The picture could not be sent; here is its summary.',
);

export type InlineKeyboard = { inline_keyboard: { text: string; callback_data: string }[][] };

/** Short labels two to a row, longer ones alone: readable on a phone. */
export function keyboardFor(
  q: Extract<Outbound, { kind: 'question' }>,
): InlineKeyboard | undefined {
  if (!q.choices.length) return undefined;
  const rows: { text: string; callback_data: string }[][] = [];
  let row: { text: string; callback_data: string }[] = [];
  q.choices.forEach((c, i) => {
    const button = { text: c.label, callback_data: buttonData(q.rev, i) };
    if (c.label.length > 18) {
      if (row.length) rows.push(row);
      rows.push([button]);
      row = [];
      return;
    }
    row.push(button);
    if (row.length === 2) {
      rows.push(row);
      row = [];
    }
  });
  if (row.length) rows.push(row);
  return { inline_keyboard: rows };
}

/** Question text as sent: a question whose buttons are lettered tells how to type a step number. */
export function questionText(q: Extract<Outbound, { kind: 'question' }>): string {
  return splitText(q.text)[0]!;
}

/** sendMessage's parameters for a text or a question: plain text, the question's buttons. */
export function toSendMessage(m: Extract<Outbound, { kind: 'text' | 'question' }>): {
  text: string;
  reply_markup?: InlineKeyboard;
} {
  if (m.kind === 'text') return { text: m.text };
  const keyboard = keyboardFor(m);
  return { text: questionText(m), ...(keyboard ? { reply_markup: keyboard } : {}) };
}

/**
 * A map as text: its caption and outline. Without pictures (a process with no flow yet) that is
 * all there is; with `notSent`, the pictures could not be sent, and the text says so.
 */
export function mapAsText(
  m: Extract<Outbound, { kind: 'map' | 'picture' }>,
  o: { notSent?: boolean } = {},
): string {
  const note = o.notSent ? `${textFor(PICTURE_NOT_SENT, 'both-inline')}\n\n` : '';
  return `${m.caption}\n\n${note}${m.outline}`.slice(0, 4096);
}

/**
 * The caption of page `index` (from 0) of a map sent as `pages` photos or files: the page is
 * marked on the caption's first line (its title), before any line that follows.
 */
export function pageCaption(caption: string, index: number, pages: number): string {
  if (pages <= 1) return caption.slice(0, 1024);
  const [title = '', ...rest] = caption.split('\n');
  return [`${title} (hal. ${index + 1}/${pages})`, ...rest].join('\n').slice(0, 1024);
}

/** A file message whose file cannot be made or sent: its caption and why there is no file. */
export function fileAsText(m: Extract<Outbound, { kind: 'file' }>): string {
  return `${m.caption}\n\n${textFor(fileUnavailable(m.what), 'both-inline')}`.slice(0, 4096);
}

/** The text of an answered question, with the choice made, once its buttons are closed. */
export function answeredText(question: string, label: string): string {
  const text = `${question}\n\n✓ ${label}`;
  return text.length <= 4096 ? text : `${question.slice(0, 4000)}…\n\n✓ ${label}`;
}
