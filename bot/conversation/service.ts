// The one handler every channel shares: an inbound message is applied in one transaction (inbox,
// interview state, model changes, outbox); sending happens afterwards, from the outbox.
import {
  type Input,
  type Outbound,
  type Questionnaire,
  STATE_VERSION,
  adoptStoredProcess,
  initialState,
  readState,
  step,
} from '../../core/interview/index.js';
import { type Bilingual, textFor } from '../../core/language/bilingual.js';
import {
  type ApplyInboundResult,
  type Db,
  OrganisationCache,
  type PersonMatch,
  applyInbound,
  findPersonByChannel,
  loadProcess,
  lockOrganisation,
} from '../../db/index.js';
import { type Logger, errorFields } from '../log.js';
import { type Identity, loadContext } from './context.js';
import { failpoint } from '../failpoints.js';
import { telegramAccess } from './access.js';
import { CodeTakenError, ProcessConflictError, applyEffectsInDb } from './effects.js';

/**
 * A message outside the questionnaire, before the interview knows whose language to use: both,
 * Indonesian first.
 */
function textIn(m: Bilingual): Outbound {
  return { kind: 'text', text: textFor(m, 'both') };
}

export type Platform = 'telegram' | 'whatsapp' | 'terminal';

export type InboundEvent = {
  platform: Platform;
  /** Unique per platform: a Telegram update_id, a WhatsApp message id, a terminal line number. */
  updateKey: string;
  /** One conversation: "telegram:<chat id>", "terminal:local". */
  chatKey: string;
  identity: Identity;
  input: Input;
  /** Telegram's /start, with the invitation token of a deep link. */
  start?: { token: string | null; malformed: boolean };
};

/** What goes into the outbox: the engine's message, addressed. */
export type OutboxPayload = Outbound;

export type ServiceDeps = {
  db: Db;
  questionnaire: Questionnaire;
  log: Logger;
  now?: () => Date;
  newId?: () => string;
  /** The Telegram bot's username once known, for invitation links made in chat. */
  telegramBot?: () => string | null;
};

/** What happened to the update; `refused` when the engine refused the answer (kept nothing). */
export type HandleResult = ApplyInboundResult & { refused?: boolean };

export class ConversationService {
  private readonly now: () => Date;
  private readonly newId: () => string;
  /** Kept between updates, checked against the database's revision on each (see the class). */
  private readonly organisations = new OrganisationCache();

  constructor(private readonly deps: ServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.newId = deps.newId ?? (() => crypto.randomUUID());
  }

  async handle(ev: InboundEvent): Promise<HandleResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        // A retry after a lost race for a process code waits for the organisation's other
        // code-takers: it then reads the list they committed, and wins.
        return await this.handleOnce(ev, { lockOrganisation: attempt > 1 });
      } catch (e) {
        if (!(e instanceof CodeTakenError) || attempt >= 8) throw e;
        this.deps.log.info('inbound.code_taken_retry', {
          chat: ev.chatKey,
          update: ev.updateKey,
          attempt,
        });
      }
    }
  }

  private async handleOnce(
    ev: InboundEvent,
    opts: { lockOrganisation: boolean },
  ): Promise<HandleResult> {
    const { db, questionnaire, log } = this.deps;
    let refused = false;
    try {
      const key = {
        platform: ev.platform,
        updateKey: ev.updateKey,
        chatKey: ev.chatKey,
        afterInbox: () => failpoint('db.after-inbox'),
      };
      // The person behind a messaging account, read with the inbox and interview statements.
      const identity = ev.identity;
      const prefetch =
        identity.kind === 'telegram'
          ? async (tx: Db) =>
              (await findPersonByChannel(tx, { telegramId: identity.telegramId }))[0] ?? null
          : undefined;
      const r = await applyInbound(
        db,
        key,
        async (current, tx, found) => {
          const now = this.now();
          const notes: Outbound[] = [];
          let bound: PersonMatch | null | undefined;
          if (ev.identity.kind === 'telegram') {
            const access = await telegramAccess(tx, {
              telegramId: ev.identity.telegramId,
              ...(ev.start ? { start: ev.start } : {}),
              now,
              ...(found !== undefined ? { found } : {}),
            });
            if (!access.allowed) {
              refused = true;
              // Nothing of anyone's data, and no interview for an account that is not bound.
              return {
                state: undefined,
                stateVersion: STATE_VERSION,
                personId: null,
                outbound: [{ platform: ev.platform, payload: textIn(access.reply) }],
              };
            }
            if (access.welcome) notes.push(textIn(access.welcome));
            bound = access.bound;
          }
          const stored = current?.state ? readState(current.state, questionnaire) : null;
          const orgId = bound?.organisationId ?? stored?.organisationId ?? null;
          if (opts.lockOrganisation && orgId) {
            await lockOrganisation(tx, orgId);
            // The revisions read with the person came before the lock, which waited for the
            // other code-takers: without them the cache reads the revisions again, and sees
            // the processes those committed.
            if (bound) bound = { organisationId: bound.organisationId, person: bound.person };
          }
          const ctx = {
            ...(await loadContext(
              tx,
              ev.identity,
              {
                personId: stored?.personId ?? null,
                organisationId: stored?.organisationId ?? null,
              },
              { ...(bound !== undefined ? { bound } : {}), organisations: this.organisations },
            )),
            telegramBot: this.deps.telegramBot?.() ?? null,
          };
          const state = stored ?? initialState(questionnaire, ctx);
          const result = step(questionnaire, state, ev.input, ctx, {
            now: now.toISOString(),
            newId: this.newId,
          });
          refused = !!result.refused;
          const actor = result.state.personId
            ? { personId: result.state.personId }
            : { system: ev.platform };
          await applyEffectsInDb(tx, result.effects, actor);
          return {
            state: result.state,
            stateVersion: STATE_VERSION,
            personId: result.state.personId,
            outbound: [...notes, ...result.outbound].map((payload) => ({
              platform: ev.platform,
              payload,
            })),
          };
        },
        prefetch,
      );
      log.debug('inbound.applied', {
        platform: ev.platform,
        chat: ev.chatKey,
        update: ev.updateKey,
        outcome: r.outcome,
      });
      failpoint('service.after-commit');
      return { ...r, refused };
    } catch (e) {
      if (e instanceof CodeTakenError) throw e;
      if (e instanceof ProcessConflictError) {
        log.warn('inbound.conflict', {
          chat: ev.chatKey,
          update: ev.updateKey,
          process: e.processId,
        });
        return this.adoptStored(ev, e.processId);
      }
      log.error('inbound.failed', {
        platform: ev.platform,
        chat: ev.chatKey,
        update: ev.updateKey,
        ...errorFields(e),
      });
      throw e;
    }
  }

  /** The answer hit a version conflict: take the stored process into the state and say so. */
  private adoptStored(ev: InboundEvent, processId: string): Promise<HandleResult> {
    const { db, questionnaire } = this.deps;
    return applyInbound(
      db,
      { platform: ev.platform, updateKey: ev.updateKey, chatKey: ev.chatKey },
      async (current, tx) => {
        const state = readState(current!.state, questionnaire);
        const ctx = await loadContext(tx, ev.identity, state, {
          organisations: this.organisations,
        });
        const stored = await loadProcess(tx, { processId });
        const result = stored
          ? adoptStoredProcess(questionnaire, state, stored, ctx, {
              now: this.now().toISOString(),
              newId: this.newId,
            })
          : step(questionnaire, state, { kind: 'resume' }, ctx, {
              now: this.now().toISOString(),
              newId: this.newId,
            });
        return {
          state: result.state,
          stateVersion: STATE_VERSION,
          personId: result.state.personId,
          outbound: result.outbound.map((payload) => ({ platform: ev.platform, payload })),
        };
      },
    );
  }
}
