/** Quotes an argument for a POSIX shell, leaving plain words (paths, flags) readable. */
export function shellQuote(arg: string): string {
  if (/^[A-Za-z0-9_/.,:@%+=-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** A command line people can paste. */
export function shellJoin(argv: string[]): string {
  return argv.map(shellQuote).join(' ');
}
