import { printJson, type CliIo } from '@planwright/cli-kit';
import { formatDiagnostic } from '../diagnostics.js';
import { validateChange, type ValidationReport } from '../validate.js';
import type { ValidateArgs } from './index.js';

/** `validate <change>`: one line per finding and a verdict; exit 0 valid, 1 not. */
export async function runValidate(args: ValidateArgs, io: CliIo): Promise<number> {
  const report = await validateChange({ repo: args.repo, change: args.change, strict: args.strict });
  if (args.json) printJson(io, report);
  else {
    for (const found of report.diagnostics) io.out(formatDiagnostic(found));
    io.out(verdict(report));
  }
  return report.valid ? 0 : 1;
}

function verdict(report: ValidationReport): string {
  const counts = [plural(report.errors, 'error'), plural(report.warnings, 'warning')].join(', ');
  if (!report.valid) {
    return `change ${report.change} is not valid: ${counts}${report.errors === 0 ? ' (--strict fails on warnings)' : ''}`;
  }
  const found = [plural(report.tasks, 'task'), plural(report.deltas, 'delta file')];
  if (report.warnings > 0) found.push(plural(report.warnings, 'warning'));
  return `ok: change ${report.change} is valid (${found.join(', ')})`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
