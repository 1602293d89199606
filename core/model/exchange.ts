// The documented JSON exchange format of `probis export --format json` and `probis import`.
// docs/export.schema.json is generated from this schema and checked by a test.
import { z } from 'zod';
import { Organisation } from './organisation.js';
import { Process } from './process.js';

export const EXCHANGE_FORMAT = 'probis.exchange/1' as const;

export const ExchangeDocument = z.object({
  format: z.literal(EXCHANGE_FORMAT),
  organisation: Organisation,
  processes: z.array(Process),
});
export type ExchangeDocument = z.infer<typeof ExchangeDocument>;
