// Judges the rewriter on phrasings written after it was done and not tuned to it
// (tests/fixtures/phrasings/unseen.tsv): the share it gets right must be at least 95%.
import { describe, expect, it } from 'vitest';
import { rewriteStep } from '../../core/language/indonesian.js';
import { readTable } from './phrasings.js';

const rows = readTable('unseen.tsv');

describe('rewriteStep on unseen phrasings', () => {
  it('gets at least 95% of at least 60 rows right (name and performer)', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    const failures: string[] = [];
    for (const [raw = '', name = '', performer = ''] of rows) {
      const r = rewriteStep(raw);
      const want = { name, performerHint: performer === '' ? null : performer };
      if (r.name !== want.name || r.performerHint !== want.performerHint)
        failures.push(
          `${JSON.stringify(raw)}: got ${JSON.stringify(r.name)} / ${JSON.stringify(r.performerHint)}, want ${JSON.stringify(want.name)} / ${JSON.stringify(want.performerHint)}`,
        );
    }
    const share = (rows.length - failures.length) / rows.length;
    console.log(
      `unseen: ${rows.length - failures.length}/${rows.length} right (${(share * 100).toFixed(1)}%)` +
        failures.map((f) => `\n  ${f}`).join(''),
    );
    expect(share).toBeGreaterThanOrEqual(0.95);
  });
});
