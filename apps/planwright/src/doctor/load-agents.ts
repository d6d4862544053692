import { doctorAgents, loadOrchestratorConfig } from '@planwright/agent-runner';
import type { DoctorAgents } from '@planwright/run-store';

/**
 * What `planwright doctor` knows about agents: agent-runner's registry, with the custom agents of
 * orchestrator.toml. A config that does not load leaves the built-in agents: doctor is what people run
 * when something is wrong, and must still report.
 */
export async function loadDoctorAgents(env: NodeJS.ProcessEnv = process.env): Promise<DoctorAgents> {
  const config = await loadOrchestratorConfig(env).then(
    (loaded) => loaded.config,
    () => ({}),
  );
  return doctorAgents(config);
}
