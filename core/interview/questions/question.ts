// The shape of a question in the questionnaire. Questions are data: an id that never changes,
// the answer type, texts in both languages, and what an answer does (including what comes next).
import type { Unit } from '../../model/organisation.js';
import type { Duration } from '../../model/process.js';
import type { Effect, InterviewState, Outbound } from '../types.js';
import type { View } from '../view.js';
import type { QuestionId } from '../question-ids.js';
import { type Bilingual, bilingual } from '../../language/bilingual.js';

export type AnswerType = 'text' | 'list' | 'duration' | 'yesno' | 'choice' | 'unit' | 'step';

export type Answer =
  | { type: 'text'; value: string }
  | { type: 'list'; value: string[] }
  | { type: 'duration'; value: Duration }
  | { type: 'yesno'; value: boolean }
  | { type: 'choice'; value: string }
  | { type: 'unit'; value: Unit }
  | { type: 'step'; value: number };

/** What an answer did. Questions mutate the engine's working copy of the state (`v.state`). */
export type Applied =
  | {
      effects?: Effect[];
      notes?: Bilingual[];
      /** Messages other than text, said after the notes (an invitation). */
      outbound?: Outbound[];
      /** Apply this answer to the question now current (a detour such as party.new is over). */
      replay?: Answer;
      /**
       * After the replay, when the question then current asks for a position (its id ends in
       * "position") and takes free text: this text answers it ("Camat" of "Kecamatan ...").
       */
      thenPosition?: string;
    }
  | { refuse: Bilingual };

export type ChoiceDef = { id: string; label: Bilingual | string };

export interface Question {
  id: QuestionId;
  answer: AnswerType;
  optional?: (v: View) => boolean;
  text(v: View): Bilingual;
  help: Bilingual;
  /** Buttons. For 'unit' questions the ids are unit ids; typed names are matched against all units. */
  choices?(v: View): ChoiceDef[];
  /** 'choice' questions: what typed text that matches no button means (else it is refused). */
  free?(v: View, text: string): Applied;
  /** 'choice' questions: `free` gets the text with its line breaks (a pasted list of steps). */
  freeLines?: boolean;
  /** 'unit' questions: a typed name that matches no unit may be added as a new unit or party. */
  allowNewUnit?: boolean;
  /**
   * 'text' questions and the free text of 'choice' questions: the longest answer taken. Default
   * MAX_TEXT (4,096, a remark); names (a step, a process, a unit) use MAX_NAME (200).
   */
  textMax?: number;
  /** 'list' questions: only new lines separate items (not ";", commas or "1. A 2. B"). */
  linesOnly?: boolean;
  /** 'list' questions: how many items one message may carry (default 200). */
  maxItems?: number;
  /**
   * Said before the question each time it is newly asked (summaries, the map). `before`: the
   * state the last answer was given in, when the question follows an answer or a command.
   */
  preamble?(v: View, before?: InterviewState): Outbound[];
  apply(v: View, a: Answer): Applied;
  /** Optional questions: what skipping does (default: the same as apply would do with nothing). */
  skip?(v: View): Applied;
}

export const msg = bilingual;

/** Narrowing helpers for apply(): each question knows its own answer type. */
type ValueOf<T extends Answer['type']> = Extract<Answer, { type: T }>['value'];

export function valueOf<T extends Answer['type']>(a: Answer, type: T): ValueOf<T> {
  if (a.type !== type) throw new Error(`expected a ${type} answer, got ${a.type}`);
  return a.value as ValueOf<T>;
}
