/**
 * The date-fns functions and locales the archive uses: the one place that
 * loads date-fns.
 *
 * They come from date-fns' CommonJS build. Its ES module build splits
 * `parse` into ~200 files. For every file it loads, Node's ES module loader
 * reads date-fns' package.json again, and that package.json holds 200 kB of
 * `exports`. Loading `parse` that way took ~0.3 s of every build, even a
 * rebuild after a one-line edit. The CommonJS build of the same functions
 * loads in ~30 ms: `require` does not look up package scopes for files inside
 * a package. The package root would be worse still: it loads all of date-fns.
 * The same cost in another project: https://github.com/callumalpass/mdbase-tasknotes/issues/19
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const { differenceInCalendarDays } = require('date-fns/differenceInCalendarDays') as typeof import('date-fns/differenceInCalendarDays');
export const { format } = require('date-fns/format') as typeof import('date-fns/format');
export const { getISOWeek } = require('date-fns/getISOWeek') as typeof import('date-fns/getISOWeek');
export const { getISOWeekYear } = require('date-fns/getISOWeekYear') as typeof import('date-fns/getISOWeekYear');
export const { getISOWeeksInYear } = require('date-fns/getISOWeeksInYear') as typeof import('date-fns/getISOWeeksInYear');
export const { isValid } = require('date-fns/isValid') as typeof import('date-fns/isValid');
export const { parse } = require('date-fns/parse') as typeof import('date-fns/parse');
export const { parseISO } = require('date-fns/parseISO') as typeof import('date-fns/parseISO');
export const { de } = require('date-fns/locale/de') as typeof import('date-fns/locale/de');
export const { enUS } = require('date-fns/locale/en-US') as typeof import('date-fns/locale/en-US');
