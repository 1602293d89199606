// Question ids are a type (core/interview/question-ids.ts): a typo in code is a compile error,
// and the questionnaire defines exactly the ids of the type.
import { describe, expect, it } from 'vitest';
import {
  type Cursor,
  QUESTION_IDS,
  isQuestionId,
  questionnaire,
} from '../../core/interview/index.js';

describe('question ids', () => {
  it('are exactly the ids the questionnaire defines', () => {
    expect([...questionnaire.questions.keys()].sort()).toEqual([...QUESTION_IDS].sort());
  });

  it('are listed once each', () => {
    expect(new Set(QUESTION_IDS).size).toBe(QUESTION_IDS.length);
  });

  it('tell an id of the questionnaire from any other text', () => {
    expect(isQuestionId('review.confirm')).toBe(true);
    expect(isQuestionId('review.confrim')).toBe(false);
  });

  it('make a misspelt id in code a compile error (checked by tsc over tests/)', () => {
    // @ts-expect-error -- 'review.confrim' is not a question id; tsc fails if this line compiles.
    const typo: Cursor = { q: 'review.confrim' };
    const right: Cursor = { q: 'review.confirm' };
    expect(isQuestionId(typo.q)).toBe(false);
    expect(isQuestionId(right.q)).toBe(true);
  });
});
