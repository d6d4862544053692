import { UsageError } from '@planwright/cli-kit';

/**
 * The kit's slug rule for change and PR names: trimmed, lower-cased, every run of characters other than
 * a-z and 0-9 turned into one "-", no "-" at either end. `what` names the input in the error.
 *
 * @example
 * slugify('Add Profile Filters!') // 'add-profile-filters'
 */
export function slugify(name: string, what = 'change name'): string {
  const slug = toSlug(name);
  if (!slug) {
    throw new UsageError(`${what} ${JSON.stringify(name)}: the slug is empty (only a-z and 0-9 are kept)`, {
      hint: 'use a name with letters or digits, such as add-login',
    });
  }
  return slug;
}

/** The slug, or '' when nothing is left; for names that may be empty (headings turned into domains). */
export function toSlug(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
