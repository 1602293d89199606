// Structured logs on stderr, one JSON object a line. Callers pass ids and codes, never message
// texts or secrets: `redact` strips anything that looks like a bot token as a last guard.
type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type Logger = {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
};

const TOKEN = /\d{6,}:[A-Za-z0-9_-]{30,}/g;

export function redact(s: string): string {
  return s.replace(TOKEN, '<token>');
}

/** The parts of an error that are safe to log: name, code, a redacted message, no payloads. */
export function errorFields(err: unknown): Record<string, unknown> {
  if (err instanceof Error) {
    // A database error's message carries the query's parameters, which may be a person's words:
    // log the SQLSTATE of its cause instead.
    const cause = (err as { cause?: { code?: unknown } }).cause;
    if (err.name === 'DrizzleQueryError' || /^Failed query:/.test(err.message))
      return { error: err.name, code: String(cause?.code ?? 'db') };
    const code = (err as { code?: unknown }).code;
    return {
      error: err.name,
      ...(code !== undefined ? { code: String(code) } : {}),
      message: redact(err.message).slice(0, 300),
    };
  }
  return { error: typeof err };
}

export function createLogger(
  level: Level = 'info',
  write: (line: string) => void = (l) => process.stderr.write(l + '\n'),
): Logger {
  const at =
    (l: Level) =>
    (event: string, fields: Record<string, unknown> = {}) => {
      if (ORDER[l] < ORDER[level]) return;
      write(redact(JSON.stringify({ t: new Date().toISOString(), level: l, event, ...fields })));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
