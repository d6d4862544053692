import * as z from 'zod/mini';

/** A task id becomes part of file paths (`tasks/<id>.md`), so only file-name-safe tokens are allowed. */
export const TASK_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export const TaskIdSchema = z.string().check(
  z.regex(TASK_ID_PATTERN),
  z.describe('File-name-safe token: a letter or digit, then letters, digits, "_", "." or "-".'),
);

export const StringListSchema = z.array(z.string());

/** Bookkeeping written by the tools; older files may hold null where nothing was recorded yet. */
export const nullableString = () => z.optional(z.nullable(z.string()));
export const nullableInt = () => z.optional(z.nullable(z.int()));
