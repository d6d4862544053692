import { printJson, UsageError, type CliIo } from '@planwright/cli-kit';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import type { ValidateArgs } from './args.js';

/**
 * `validate [name]`: one change or spec (one line per finding and a verdict), or every one with
 * `--all`, `--changes`, `--specs`; exit 0 when all are valid, 1 when not.
 */
export async function runValidate(args: ValidateArgs, io: CliIo): Promise<number> {
  const bulk = args.all || args.changes || args.specs;
  if (bulk && args.change !== undefined) {
    throw new UsageError(`validate: give a name or --all/--changes/--specs, not both (got "${args.change}")`, {
      hint: 'drop the name to validate everything, or drop the flag to validate one item',
    });
  }
  if (!bulk && args.change === undefined) {
    throw new UsageError('validate: no change or spec named', {
      hint: 'name one ("specflow validate add-2fa"), or pass --all, --changes or --specs',
    });
  }
  if (bulk) return runBulk(args, io);
  const { validateItem } = await import('../validate-item.js');
  const result = await validateItem({ repo: args.repo, name: args.change!, type: args.type, strict: args.strict });
  const { report } = result;
  if (args.json) printJson(io, report);
  else {
    for (const found of report.diagnostics) io.out(formatDiagnostic(found));
    io.out(result.type === 'change' ? changeVerdict(result.report) : specVerdict(result.report));
  }
  return report.valid ? 0 : 1;
}

async function runBulk(args: ValidateArgs, io: CliIo): Promise<number> {
  const { validateAll } = await import('../validate-bulk.js');
  const report = await validateAll({
    repo: args.repo,
    changes: args.all || args.changes,
    specs: args.all || args.specs,
    strict: args.strict,
  });
  if (args.json) printJson(io, report);
  else {
    for (const item of report.items) {
      io.out(`${item.valid ? 'ok' : 'not valid'}: ${item.type} ${item.id}${counts(item)}`);
      for (const found of item.diagnostics) io.out(`  ${formatDiagnostic(found)}`);
    }
    const { items, passed, failed } = report.summary.totals;
    io.out(`${passed} passed, ${failed} failed (${plural(items, 'item')})`);
  }
  return report.valid ? 0 : 1;
}

interface Counted {
  valid: boolean;
  errors: number;
  warnings: number;
  diagnostics: Diagnostic[];
}

function counts(item: Counted): string {
  if (item.errors === 0 && item.warnings === 0) return '';
  return ` (${plural(item.errors, 'error')}, ${plural(item.warnings, 'warning')})`;
}

function changeVerdict(report: Counted & { change: string; tasks: number; deltas: number }): string {
  const found = [plural(report.errors, 'error'), plural(report.warnings, 'warning')].join(', ');
  if (!report.valid) {
    return `change ${report.change} is not valid: ${found}${report.errors === 0 ? ' (--strict fails on warnings)' : ''}`;
  }
  const what = [plural(report.tasks, 'task'), plural(report.deltas, 'delta file')];
  if (report.warnings > 0) what.push(plural(report.warnings, 'warning'));
  return `ok: change ${report.change} is valid (${what.join(', ')})`;
}

function specVerdict(report: Counted & { spec: string; requirements: number }): string {
  const found = [plural(report.errors, 'error'), plural(report.warnings, 'warning')].join(', ');
  if (!report.valid) {
    return `spec ${report.spec} is not valid: ${found}${report.errors === 0 ? ' (--strict fails on warnings)' : ''}`;
  }
  const what = [plural(report.requirements, 'requirement')];
  if (report.warnings > 0) what.push(plural(report.warnings, 'warning'));
  return `ok: spec ${report.spec} is valid (${what.join(', ')})`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
