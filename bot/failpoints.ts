// Named crash points for fault tests: with PROBIS_FAILPOINT=<name> the process kills itself with
// SIGKILL when it reaches that point, exactly as a power cut or the OOM killer would. Unset, a
// failpoint costs one comparison.
export type Failpoint =
  | 'telegram.after-fetch' // updates fetched, nothing stored yet
  | 'db.after-inbox' // inside the update's transaction, after the inbox row
  | 'service.after-commit' // the update's transaction committed, no reply sent yet
  | 'outbox.after-send' // a reply sent, not yet marked as sent
  | 'telegram.before-confirm' // a batch applied, its offset not yet confirmed
  | 'telegram.after-confirm'; // Telegram has answered the getUpdates that confirmed a batch

const armed = process.env.PROBIS_FAILPOINT;

export function failpoint(name: Failpoint): void {
  if (armed === name) process.kill(process.pid, 'SIGKILL');
}

/** Named points where a process waits, for tests that need a slow step without a sleep. */
export type Holdpoint = 'render.before'; // a render job, before it renders

const held = process.env.PROBIS_HOLDPOINT;

/**
 * With PROBIS_HOLDPOINT=<name>, waits at that point until the process receives SIGUSR2 (one
 * signal lets one waiter go), after logging `holdpoint.reached`. Unset, it returns at once.
 */
export async function holdpoint(
  name: Holdpoint,
  log: { info(event: string, fields?: Record<string, unknown>): void },
): Promise<void> {
  if (held !== name) return;
  const released = new Promise<void>((resolve) => process.once('SIGUSR2', () => resolve()));
  log.info('holdpoint.reached', { name, pid: process.pid });
  await released;
  log.info('holdpoint.released', { name });
}
