/**
 * A whole count with commas between groups of three digits (`1234567` -> `1,234,567`), as
 * `toLocaleString('en-US')` writes it, without loading ICU's number formatting: that first call costs
 * a process about 20 ms of CPU, once per CLI invocation that prints token counts.
 *
 * @example
 * countText(48213); // '48,213'
 * countText(-1200.4); // '-1,200'
 */
export function countText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const whole = Math.round(value);
  const digits = String(Math.abs(whole));
  return `${whole < 0 ? '-' : ''}${digits.replace(/\B(?=(\d{3})+$)/g, ',')}`;
}
