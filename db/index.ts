// The db/ public surface: open at start-up with openDatabase, then call repository functions.
export { openDatabase, pgliteFolder, DatabaseLockedError } from './client.js';
export type { Db, DatabaseConfig, DatabaseHandle, DatabaseKind } from './client.js';
export { cleanText, cleanJson } from './clean-text.js';
export {
  IdConflictError,
  StillReferencedError,
  isTransientDbError,
  pgErrorCode,
} from './errors.js';
export { MIGRATIONS_FOLDER } from './migrate.js';
export * from './repositories/audit.js';
export * from './repositories/organisations.js';
export * from './repositories/organisation-cache.js';
export * from './repositories/processes.js';
export * from './repositories/handoff-confirmations.js';
export * from './repositories/reviews.js';
export * from './repositories/chat.js';
export * from './repositories/outbox.js';
export * from './repositories/invitations.js';
export * from './repositories/channel-accounts.js';
export * from './repositories/artifacts.js';
export * from './repositories/campaigns.js';
export * from './repositories/person-events.js';
export * from './repositories/desk.js';
export * from './repositories/sop-details.js';
export * from './repositories/documents.js';
export * from './repositories/whatsapp-sessions.js';
export * from './repositories/whatsapp-auth.js';
export * from './repositories/whatsapp-chat.js';
