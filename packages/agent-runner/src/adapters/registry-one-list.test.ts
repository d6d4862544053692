import { doctor } from '@planwright/run-store';
import { afterEach, describe, expect, it } from 'vitest';
import { tinkerAgent } from '../../test/fake-agent-adapter.js';
import { stuckRunOf } from '../../test/stuck-run.js';
import { agentLoginState, agentNpmPackage, agentOptionalFlags, checkAgents } from '../check/check-agents.js';
import { checkAgentsConfig } from '../config/agents-config.js';
import type { AgentFactory } from './adapter.js';
import { AGENTS } from './agents.js';
import { doctorAgents } from './doctor-agents.js';
import { createAdapter, knownAgents } from './registry.js';

const registry = AGENTS as Record<string, AgentFactory>;
const builtIn = Object.keys(AGENTS);

describe('the registry is the only list of agents', () => {
  afterEach(() => {
    delete registry.tinker;
  });

  it('an agent registered in one line is known, created, configured, checked, logged in, and resumed by doctor', async () => {
    registry.tinker = tinkerAgent; // the one line a new agent adds to agents.ts

    expect(knownAgents({ agents: { aider: { command: ['aider'] } } })).toEqual([...builtIn, 'tinker', 'aider']);
    expect(createAdapter('tinker').name).toBe('tinker');
    // Its table takes built-in settings (max_retries, since its adapter says so), not a custom command.
    expect(() => checkAgentsConfig({ agent: 'tinker', agents: { tinker: { max_retries: 1 } } }, 'o.toml')).not.toThrow();
    expect(() => checkAgentsConfig({ agents: { tinker: { command: ['x'] } } }, 'o.toml')).toThrow('o.toml: agents.tinker.command: tinker is built in and takes no command');
    expect(() => checkAgentsConfig({ agents: { codex: { max_retries: 1 } } }, 'o.toml')).toThrow(/^o\.toml: agents\.codex\.max_retries: only for gemini, claude.* and tinker$/);

    const checks = await checkAgents({ PATH: '/nonexistent', XDG_CACHE_HOME: '/nonexistent' });
    expect(checks.map((check) => check.agent)).toEqual([...builtIn, 'tinker']);
    expect(checks.at(-1)).toMatchObject({ installed: true, version: '1.2.3' });
    expect(agentNpmPackage('tinker')).toBe('tinker-cli');
    expect(agentOptionalFlags('tinker')).toEqual(['--legacy']);
    expect(await agentLoginState('tinker', '/opt/tinker', { TINKER_KEY: 'k' })).toEqual({ state: 'yes', detail: 'TINKER_KEY set' });

    const { repo } = await stuckRunOf('tinker', { text: '{"type":"session","id":"tk-7"}\n' });
    const report = await doctor({ repo, pr: 'pr-1', printRerun: true, agents: doctorAgents() });
    expect(report).toMatchObject({ thread_id: 'tk-7', thread_id_source: 'log' });
    expect(report.rerun!.resume!.argv).toEqual(['tinker', '--continue', 'tk-7', '--cd', repo]);
  });

  it('without that line, the same agent is unknown everywhere', async () => {
    expect(knownAgents()).not.toContain('tinker');
    expect(() => createAdapter('tinker')).toThrow('unknown agent "tinker"');
    expect(() => checkAgentsConfig({ agents: { tinker: { max_retries: 1 } } }, 'o.toml')).toThrow('o.toml: agents.tinker.command: required for a custom agent');
    expect(await agentLoginState('tinker', '/opt/tinker', { TINKER_KEY: 'k' })).toEqual({ state: 'unknown', detail: 'login state unknown' });
    const { repo } = await stuckRunOf('tinker', { text: '{"type":"session","id":"tk-7"}\n' });
    const report = await doctor({ repo, pr: 'pr-1', printRerun: true, agents: doctorAgents() });
    expect(report).toMatchObject({ thread_id: null, rerun: { resume: null } });
  });
});
