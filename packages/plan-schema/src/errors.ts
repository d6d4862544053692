import { UsageError } from '@planwright/cli-kit';

export interface PlanErrorLocation {
  /** JSON path inside the file, such as `tasks[2].status`. */
  path?: string;
  /** 1-based line and column, for syntax errors. */
  line?: number;
  column?: number;
  hint?: string;
  cause?: unknown;
}

/**
 * A plan (or another planwright JSON file) that cannot be used: unreadable, not JSON, or not valid.
 * The message names the file, the JSON path or line:column, and what is wrong. Exit code 2.
 */
export class PlanError extends UsageError {
  override name = 'PlanError';
  readonly file: string;
  readonly path: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  /** The problem alone, without file and path. */
  readonly problem: string;

  constructor(file: string, problem: string, location: PlanErrorLocation = {}) {
    super(formatLocation(file, location) + problem, { hint: location.hint, cause: location.cause });
    this.file = file;
    this.problem = problem;
    this.path = location.path;
    this.line = location.line;
    this.column = location.column;
  }
}

function formatLocation(file: string, { path, line, column }: PlanErrorLocation): string {
  const position = line === undefined ? '' : `:${line}:${column ?? 1}`;
  return `${file}${position}: ${path ? `${path}: ` : ''}`;
}
