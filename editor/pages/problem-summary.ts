import { errorSummary } from '../i18n/error-summary.ts';
import { useLocale } from '../i18n/index.ts';

/**
 * One line for an API failure in the UI's current language (for handlers, outside render): its
 * code's wording, plus the first problems when it sent `{ problems }` (a 422 on create, import or publish).
 */
export function problemSummary(error: unknown, shown = 3): string {
  return errorSummary(error, useLocale.getState().locale, shown);
}
