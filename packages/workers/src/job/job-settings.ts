import { APPROVAL_POLICIES, SANDBOX_MODES, type OrchestrateOptions, type RemoteTaskSettings } from '@planwright/agent-runner';
import { HANDSHAKE_MODES } from '@planwright/plan-schema';
import { BadJobError } from './job-names.js';

/** The settings' part of OrchestrateOptions: what the coordinator chose, applied to the worker's one-task run. */
export type JobRunSettings = Pick<
  OrchestrateOptions,
  | 'agent' | 'model' | 'sandbox' | 'approval' | 'handshake' | 'handshakeReminders' | 'timeoutMinutes' | 'timeoutGraceSeconds'
  | 'resultsGraceSeconds' | 'stallMinutes' | 'maxPauseMinutes' | 'autoVerify' | 'retries' | 'verifyTimeoutMinutes'
>;

/**
 * The request's settings as orchestrate() options, with the choices checked: a job comes over the
 * network, and a sandbox or approval the adapters do not know must not reach an agent's command line.
 */
export function jobRunSettings(settings: RemoteTaskSettings): JobRunSettings {
  const choice = <T extends string>(field: string, value: string | undefined, choices: readonly T[]): T | undefined => {
    if (value === undefined || (choices as readonly string[]).includes(value)) return value as T | undefined;
    throw new BadJobError(`settings.${field}`, value, `one of ${choices.join(', ')}`);
  };
  return {
    agent: settings.agent,
    model: settings.model,
    sandbox: choice('sandbox', settings.sandbox, SANDBOX_MODES),
    approval: choice('approval', settings.approval, APPROVAL_POLICIES),
    handshake: choice('handshake', settings.handshake, HANDSHAKE_MODES),
    handshakeReminders: settings.handshakeReminders,
    timeoutMinutes: settings.timeoutMinutes,
    timeoutGraceSeconds: settings.timeoutGraceSeconds,
    resultsGraceSeconds: settings.resultsGraceSeconds,
    stallMinutes: settings.stallMinutes,
    maxPauseMinutes: settings.maxPauseMinutes,
    autoVerify: settings.autoVerify,
    retries: settings.retries,
    verifyTimeoutMinutes: settings.verifyTimeoutMinutes,
  };
}
