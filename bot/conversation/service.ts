// The one handler every channel shares: an inbound message is applied in one transaction (inbox,
// interview state, model changes, outbox); sending happens afterwards, from the outbox.
import {
  type Input,
  type Outbound,
  type Questionnaire,
  STATE_VERSION,
  adoptMergedProcesses,
  adoptStoredProcess,
  deskNeeds,
  initialState,
  parseDeskCommand,
  readState,
  sopNeeds,
  step,
} from '../../core/interview/index.js';
import {
  type ApplyInboundResult,
  type ConversationOf,
  ConversationMovedError,
  type Db,
  OrganisationCache,
  type PersonMatch,
  applyInbound,
  findPersonByAccount,
  loadProcess,
  loadSopContext,
  lockOrganisation,
  takePersonConversation,
  writeAudit,
} from '../../db/index.js';
import { type Logger, errorFields } from '../log.js';
import { type Identity, accountOf, loadContext } from './context.js';
import { failpoint } from '../failpoints.js';
import { type InvitationAttempt, checkAccess } from './access.js';
import { CodeTakenError, ProcessConflictError, applyEffectsInDb } from './effects.js';
import { addressNotices, addressOf } from './notify.js';
import { loadDeskFor } from './desk.js';
import { textIn } from './texts.js';

export type Platform = 'telegram' | 'whatsapp' | 'terminal';

export type InboundEvent = {
  platform: Platform;
  /** Unique per platform: a Telegram update_id, a WhatsApp message id, a terminal line number. */
  updateKey: string;
  /** One conversation: "telegram:<chat id>", "terminal:local". */
  chatKey: string;
  identity: Identity;
  input: Input;
  /** An invitation the channel found (Telegram's /start payload, a code sent on WhatsApp). */
  invitation?: InvitationAttempt;
  /**
   * An input from time or another person (deliver): the person it is for, checked against the
   * account's person when applied; and deduplicated by its key whatever channel it goes to.
   */
  forPerson?: string;
};

/** What goes into the outbox: the engine's message, addressed. */
export type OutboxPayload = Outbound;

export type ServiceDeps = {
  db: Db;
  questionnaire: Questionnaire;
  log: Logger;
  now?: () => Date;
  newId?: () => string;
  /** Inputs for other people's conversations were committed (person_events): deliver them. */
  onPersonEvents?: () => void;
};

/** What happened to the update; `refused` when the engine refused the answer (kept nothing). */
export type HandleResult = ApplyInboundResult & { refused?: boolean };

/** An input meant for one person reached a chat whose account is now someone else's. */
class NotThatPersonError extends Error {
  constructor() {
    super('the account belongs to another person now');
    this.name = 'NotThatPersonError';
  }
}

/**
 * A linked person's conversation, whichever of their messaging chats this is (see
 * ConversationOf). The terminal keeps its own per chat key: tools and tests run several terminal
 * sessions of one person side by side.
 */
function conversationOf(identity: Identity): ConversationOf {
  const account = accountOf(identity);
  return account ? { account } : {};
}

export class ConversationService {
  private readonly now: () => Date;
  private readonly newId: () => string;
  /** Kept between updates, checked against the database's revision on each (see the class). */
  private readonly organisations = new OrganisationCache();

  constructor(private readonly deps: ServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.newId = deps.newId ?? (() => crypto.randomUUID());
  }

  /**
   * Applies an input that comes from time or from another person (a reminder due, a process
   * returned) to a person's conversation, answered on the channel they use. `key` names the event
   * once: a job that runs again applies it once (the inbox). 'unreachable' when the person has no
   * account that can be reached (never joined, or blocked the bot).
   */
  async deliver(p: {
    personId: string;
    input: Extract<Input, { kind: 'reminder-due' | 'process-event' }>;
    key: string;
  }): Promise<HandleResult | { outcome: 'unreachable' }> {
    const to = await addressOf(this.deps.db, p.personId);
    if (!to) return { outcome: 'unreachable' };
    try {
      return await this.handle({
        platform: to.platform,
        updateKey: p.key,
        chatKey: to.chatKey,
        identity: { kind: to.platform, accountId: to.accountId },
        input: p.input,
        forPerson: p.personId,
      });
    } catch (e) {
      // The account changed hands between looking it up and applying: not this person's chat.
      if (e instanceof NotThatPersonError) return { outcome: 'unreachable' };
      throw e;
    }
  }

  async handle(ev: InboundEvent): Promise<HandleResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        // A retry after a lost race for a process code waits for the organisation's other
        // code-takers: it then reads the list they committed, and wins.
        return await this.handleOnce(ev, { lockOrganisation: attempt > 1 });
      } catch (e) {
        const again = e instanceof CodeTakenError || e instanceof ConversationMovedError;
        if (!again || attempt >= 8) throw e;
        this.deps.log.info(
          e instanceof CodeTakenError ? 'inbound.code_taken_retry' : 'inbound.moved_retry',
          {
            chat: ev.chatKey,
            update: ev.updateKey,
            attempt,
          },
        );
      }
    }
  }

  private async handleOnce(
    ev: InboundEvent,
    opts: { lockOrganisation: boolean },
  ): Promise<HandleResult> {
    const { db, questionnaire, log } = this.deps;
    let refused = false;
    let events = 0;
    try {
      const account = accountOf(ev.identity);
      const key = {
        // An event for a person is one event whichever of their channels it reaches.
        platform: ev.forPerson !== undefined ? 'event' : ev.platform,
        updateKey: ev.updateKey,
        chatKey: ev.chatKey,
        afterInbox: () => failpoint('db.after-inbox'),
        of: conversationOf(ev.identity),
      };
      // The person behind a messaging account, read with the inbox and interview statements.
      const prefetch = account ? (tx: Db) => findPersonByAccount(tx, account) : undefined;
      const r = await applyInbound(
        db,
        key,
        async (stored0, tx, found) => {
          let current = stored0;
          const now = this.now();
          const notes: Outbound[] = [];
          const access = await checkAccess(tx, ev.identity, {
            ...(ev.invitation ? { invitation: ev.invitation } : {}),
            now,
            ...(found !== undefined ? { found } : {}),
          });
          if (!access.allowed) {
            refused = true;
            await this.recordRefusal(tx, ev, access.reason);
            // Nothing of anyone's data, and no interview for an account that is not linked.
            return {
              state: undefined,
              stateVersion: STATE_VERSION,
              personId: null,
              outbound: [{ platform: ev.platform, payload: textIn(access.reply) }],
            };
          }
          if (ev.forPerson !== undefined && access.bound?.person.id !== ev.forPerson)
            throw new NotThatPersonError();
          if (access.welcome) notes.push(textIn(access.welcome));
          // The identity's kind decides: only the terminal's has no person behind an account.
          let bound: PersonMatch | null | undefined = account ? access.bound : undefined;
          // An invitation redeemed: the person's conversation, begun on another platform, goes on
          // here. Without one, what was stored for this chat before it was linked (an interview
          // prepared by an administrator) becomes theirs.
          const personConversation =
            access.redeemed && access.bound ? `person:${access.bound.person.id}` : undefined;
          if (access.redeemed && access.bound)
            current =
              (await takePersonConversation(tx, { personId: access.bound.person.id, now })) ??
              current;
          const stored = current?.state ? readState(current.state, questionnaire) : null;
          const orgId = bound?.organisationId ?? stored?.organisationId ?? null;
          if (opts.lockOrganisation && orgId) {
            await lockOrganisation(tx, orgId);
            // The revisions read with the person came before the lock, which waited for the
            // other code-takers: without them the cache reads the revisions again, and sees
            // the processes those committed.
            if (bound) bound = { organisationId: bound.organisationId, person: bound.person };
          }
          const ctx = await loadContext(
            tx,
            ev.identity,
            {
              personId: stored?.personId ?? null,
              organisationId: stored?.organisationId ?? null,
            },
            { ...(bound !== undefined ? { bound } : {}), organisations: this.organisations },
          );
          // A coordinator's command, or a handoff to answer: the desk is read for this step only.
          const need = deskNeeds(stored, ev.input);
          if (need && ctx.organisation) ctx.desk = await loadDeskFor(tx, ctx.organisation.id, need);
          // /sop or its follow-up: the SOP details of that process, for this step only.
          const sop = sopNeeds(stored, ev.input);
          const sopId =
            sop &&
            ('code' in sop ? ctx.processes.find((p) => p.code === sop.code)?.id : sop.processId);
          if (sopId) {
            const found = await loadSopContext(tx, { processId: sopId });
            if (found) ctx.sop = found;
          }
          const state = stored ?? initialState(questionnaire, ctx);
          const env = { now: now.toISOString(), newId: this.newId };
          const stepped = step(questionnaire, state, ev.input, ctx, env);
          refused = !!stepped.refused;
          // A coordination command refused (not theirs to see or do, or a wrong code): logged
          // with ids and the command's name, never the text.
          if (stepped.refused && ev.input.kind === 'text') {
            const command = parseDeskCommand(ev.input.text);
            if (command)
              log.info('desk.refused', {
                chat: ev.chatKey,
                update: ev.updateKey,
                person: ctx.person?.id ?? null,
                command: command.name,
              });
          }
          // Button data that is not ours (the channel gives it revision -1): forged, not late.
          if (stepped.refused && ev.input.kind === 'button' && ev.input.rev < 0)
            await this.recordRefusal(tx, ev, 'forged-button', ctx.organisation?.id ?? null);
          const actor = stepped.state.personId
            ? { personId: stepped.state.personId }
            : { system: ev.platform };
          const done = await applyEffectsInDb(tx, stepped.effects, actor);
          events += done.events;
          // Someone saved a process this answer changed: the answer was merged with theirs.
          const result = adoptMergedProcesses(questionnaire, stepped, done.merged, ctx, env);
          if (done.merged.length)
            log.info('inbound.merged', {
              chat: ev.chatKey,
              update: ev.updateKey,
              processes: done.merged.map((m) => m.process.id),
              overlaps: done.merged.reduce((n, m) => n + m.overlaps.length, 0),
            });
          const notices = await addressNotices(tx, stepped.effects, this.deps.log);
          return {
            ...(personConversation ? { conversationKey: personConversation } : {}),
            state: result.state,
            stateVersion: STATE_VERSION,
            personId: result.state.personId,
            outbound: [
              ...[...notes, ...result.outbound].map((payload) => ({
                platform: ev.platform,
                payload,
              })),
              ...notices,
            ],
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
      // Inputs for other people were stored with this update: deliver them now, off this chat.
      if (events && r.outcome === 'applied') this.deps.onPersonEvents?.();
      return { ...r, refused };
    } catch (e) {
      if (
        e instanceof CodeTakenError ||
        e instanceof ConversationMovedError ||
        e instanceof NotThatPersonError
      )
        throw e;
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

  /**
   * A refused attempt: logged at info level and, when it tried something (an invitation, a forged
   * button), written to the audit log, with ids only (the account and the reason), never the
   * message. A stranger's plain messages are only logged: they would fill the log otherwise.
   */
  private async recordRefusal(
    tx: Db,
    ev: InboundEvent,
    reason: string,
    organisationId: string | null = null,
  ): Promise<void> {
    const account = accountOf(ev.identity);
    this.deps.log.info('access.refused', {
      platform: ev.platform,
      chat: ev.chatKey,
      update: ev.updateKey,
      reason,
    });
    if (reason === 'not-linked') return;
    await writeAudit(tx, {
      actor: { system: ev.platform },
      organisationId,
      entityType: 'account',
      entityId: account ? `${account.platform}:${account.accountId}` : ev.chatKey,
      action: 'access-refused',
      after: { reason, update: ev.updateKey },
    });
  }

  /**
   * The process was deleted while the answer was given (a version conflict that could not be
   * merged): take the stored process, if any, into the state and say so.
   */
  private adoptStored(ev: InboundEvent, processId: string): Promise<HandleResult> {
    const { db, questionnaire } = this.deps;
    return applyInbound(
      db,
      {
        platform: ev.platform,
        updateKey: ev.updateKey,
        chatKey: ev.chatKey,
        of: conversationOf(ev.identity),
      },
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
