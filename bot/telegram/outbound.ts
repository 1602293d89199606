// The engine's messages as Telegram API calls: plain text (never a parse mode, so a person's
// words cannot turn into markup), inline keyboards with compact callback data.
import type { Outbound } from '../../core/interview/index.js';
import { splitText } from '../../core/interview/index.js';
import { buttonData } from './inbound.js';

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

/** The text of an answered question, with the choice made, once its buttons are closed. */
export function answeredText(question: string, label: string): string {
  const text = `${question}\n\n✓ ${label}`;
  return text.length <= 4096 ? text : `${question.slice(0, 4000)}…\n\n✓ ${label}`;
}
