import type { DoctorAgents } from '@planwright/run-store';
import type { OrchestratorConfig } from '../config/orchestrator-config.js';
import type { AgentAdapter } from './adapter.js';
import { DEFAULT_AGENT } from './agents.js';
import { createAdapter } from './registry.js';

/**
 * run-store's doctor, told about agents by the registry: a task's session id is read from its log by its
 * own adapter's event parser (custom agents: the parser of their `events`), and the resume command is the
 * adapter's, for every agent that can resume (codex, gemini, claude). An agent the config does not know
 * gets neither.
 *
 * @example
 * const report = await doctor({ pr: 'pr-42', printRerun: true, agents: doctorAgents(config) });
 */
export function doctorAgents(config: OrchestratorConfig = {}): DoctorAgents {
  const adapters = new Map<string, AgentAdapter | undefined>();
  const adapterOf = (agent: string | undefined): AgentAdapter | undefined => {
    const name = agent ?? config.agent ?? DEFAULT_AGENT;
    if (!adapters.has(name)) adapters.set(name, tryCreate(name, config));
    return adapters.get(name);
  };
  return {
    sessionIdOfLine(agent, line) {
      const events = adapterOf(agent)?.events;
      if (!events) return undefined;
      const parser = events();
      parser.feed(line);
      return parser.state.sessionId;
    },
    resumeCommand: (agent, input) => adapterOf(agent)?.resumeCommand?.(input),
  };
}

function tryCreate(name: string, config: OrchestratorConfig): AgentAdapter | undefined {
  try {
    return createAdapter(name, config);
  } catch {
    // An agent this config does not know (or a broken table): doctor still reports, without its session.
    return undefined;
  }
}
