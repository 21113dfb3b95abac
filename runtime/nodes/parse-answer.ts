import type { NodeData } from '../../schema/index.ts';
import { assertNever } from '../core/assert-never.ts';
import { matchesSafely } from '../core/safe-regex.ts';
import type { TurnContext } from '../core/turn-context.ts';
import { formatValue } from '../core/format-value.ts';
import { localDate, parseTypedDate } from './parse-date.ts';
import { parseTypedNumber } from './parse-number.ts';
import { parseTypedPhone } from './parse-phone.ts';

/** A refused answer says why (for the trace) and may say what to do instead (when the node has no `invalidText`). */
export type ParsedAnswer = { ok: true; value: string | number } | { ok: false; reason: string; hint?: string };

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const MAX_EMAIL_LENGTH = 254;

/**
 * A question's answer validated by its `input` and normalised (number → number,
 * email lower-cased, phone → digits with country code, date → YYYY-MM-DD), with
 * `min`/`max` checked on the number's value or the text's length.
 * @example parseAnswer({ input: 'number', min: 1, ... }, '1.500,5', ctx) // { ok: true, value: 1500.5 }
 */
export function parseAnswer(data: NodeData<'question'>, text: string, ctx: TurnContext): ParsedAnswer {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'empty answer' };
  switch (data.input) {
    case 'text':
      return withinBounds(trimmed, trimmed.length, data, 'characters');
    case 'number': {
      const value = parseTypedNumber(trimmed, ctx.language);
      return value === undefined ? { ok: false, reason: 'not a number' } : withinBounds(value, value, data, '');
    }
    case 'email': {
      const value = trimmed.toLowerCase();
      if (value.length > MAX_EMAIL_LENGTH || !EMAIL.test(value)) return { ok: false, reason: 'not an email address' };
      return withinBounds(value, value.length, data, 'characters');
    }
    case 'phone': {
      const value = parseTypedPhone(trimmed, ctx.session.contact.waId);
      return value === undefined ? { ok: false, reason: 'not a phone number' } : { ok: true, value };
    }
    case 'date': {
      const today = localDate(ctx.now, ctx.formatting.timeZone);
      const value = parseTypedDate(trimmed, today);
      return value === undefined ? { ok: false, reason: 'not a date' } : withinDates(value, data, today, ctx);
    }
    case 'regex':
      if (!matchesSafely(data.pattern ?? '', trimmed)) return { ok: false, reason: 'does not match the pattern' };
      return withinBounds(trimmed, trimmed.length, data, 'characters');
    default:
      return assertNever(data.input, 'question input');
  }
}

function withinBounds(value: string | number, size: number, data: NodeData<'question'>, unit: string): ParsedAnswer {
  const suffix = unit === '' ? '' : ` ${unit}`;
  if (data.min !== undefined && size < data.min) return { ok: false, reason: `${size}${suffix} is below the minimum ${data.min}` };
  if (data.max !== undefined && size > data.max) return { ok: false, reason: `${size}${suffix} is above the maximum ${data.max}` };
  return { ok: true, value };
}

/** `earliest`/`latest` (and `futureOnly`: from today on, in the flow's time zone) bound a date answer. */
function withinDates(value: string, data: NodeData<'question'>, today: string, ctx: TurnContext): ParsedAnswer {
  const earliest = data.futureOnly && (data.earliest === undefined || data.earliest < today) ? today : data.earliest;
  const shown = (date: string) => formatValue(date, 'date', ctx.formatting) ?? date;
  if (earliest !== undefined && value < earliest) {
    return { ok: false, reason: `${value} is before ${earliest}`, hint: ctx.texts.dateTooEarly.replace('{date}', shown(earliest)) };
  }
  if (data.latest !== undefined && value > data.latest) {
    return { ok: false, reason: `${value} is after ${data.latest}`, hint: ctx.texts.dateTooLate.replace('{date}', shown(data.latest)) };
  }
  return { ok: true, value };
}
