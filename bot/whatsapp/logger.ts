// Baileys logs through a pino-shaped logger. This one is quiet and safe: Baileys' trace and debug
// are dropped, its info becomes our debug, and only the message string and an error's safe
// fields are kept: the objects Baileys logs can carry message nodes, keys and numbers.
import type { SocketConfig } from '@whiskeysockets/baileys';
import { type Logger, errorFields } from '../log.js';

/** Long digit runs (phone numbers, ids) are masked in what Baileys says. */
const DIGITS = /\d{6,}/g;

type ILogger = SocketConfig['logger'];

function safeFields(obj: unknown, msg: unknown): Record<string, unknown> {
  const text = typeof msg === 'string' ? msg : typeof obj === 'string' ? obj : undefined;
  const fields: Record<string, unknown> = {};
  if (text) fields.msg = text.replace(DIGITS, '<n>').slice(0, 160);
  const err =
    obj instanceof Error
      ? obj
      : obj && typeof obj === 'object' && (obj as { err?: unknown }).err instanceof Error
        ? (obj as { err: Error }).err
        : obj && typeof obj === 'object' && (obj as { error?: unknown }).error instanceof Error
          ? (obj as { error: Error }).error
          : undefined;
  if (err) {
    const e = errorFields(err);
    if (typeof e.message === 'string') e.message = e.message.replace(DIGITS, '<n>');
    Object.assign(fields, e);
  }
  return fields;
}

export function baileysLogger(log: Logger, bindings: Record<string, unknown> = {}): ILogger {
  const safeBindings = Object.fromEntries(
    Object.entries(bindings).filter(([k, v]) => k === 'class' && typeof v === 'string'),
  );
  const at = (emit: (f: Record<string, unknown>) => void) => (obj: unknown, msg?: string) =>
    emit({ ...safeBindings, ...safeFields(obj, msg) });
  return {
    level: 'info',
    child: (b) => baileysLogger(log, { ...bindings, ...b }),
    trace: () => {},
    debug: () => {},
    info: at((f) => log.debug('whatsapp.baileys', f)),
    warn: at((f) => log.warn('whatsapp.baileys', f)),
    error: at((f) => log.error('whatsapp.baileys', f)),
  };
}
