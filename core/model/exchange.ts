// The documented JSON exchange format of `probis export --format json` and `probis import`.
// docs/export.schema.json is generated from this schema and checked by a test.
import { z } from 'zod';
import { Organisation } from './organisation.js';
import { Process } from './process.js';
import { ProcessNote, ReviewEvent } from './review.js';

export const EXCHANGE_FORMAT = 'probis.exchange/1' as const;

export const ExchangeDocument = z.object({
  format: z.literal(EXCHANGE_FORMAT),
  organisation: Organisation,
  processes: z.array(Process),
  /**
   * The review history of the processes, oldest first, with the snapshot of every submitted and
   * approved version: what was approved is part of the record, and moving an organisation from
   * PGlite to PostgreSQL by export and import must keep it. Absent in older exports.
   */
  reviewEvents: z.array(ReviewEvent).default([]),
  /** Coordinators' notes on the processes. Absent in older exports. */
  notes: z.array(ProcessNote).default([]),
});
export type ExchangeDocument = z.infer<typeof ExchangeDocument>;
