import { PlanwrightError, type PlanwrightErrorOptions } from '@planwright/cli-kit';

/** The orchestrator or an agent adapter could not do its work (exit 1 unless said otherwise). */
export class AgentRunnerError extends PlanwrightError {
  override name = 'AgentRunnerError';

  constructor(message: string, options: PlanwrightErrorOptions = {}) {
    super(message, options);
  }
}

/** An agent CLI that is not installed, or not usable: named with how to install it. */
export class AgentNotFoundError extends AgentRunnerError {
  override name = 'AgentNotFoundError';
}
