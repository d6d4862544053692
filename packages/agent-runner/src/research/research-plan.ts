import { dirname, join, relative, resolve } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { resolvePrDir, stringifyJson, timestamp, writeFileAtomic, type Plan } from '@planwright/plan-schema';

export interface ResearchPaths {
  planDir: string;
  /** `.plans/<PR>/preplan/research.plan.json` */
  planFile: string;
  /** `.plans/<PR>/research/RESEARCH.md` unless `--out` */
  outputFile: string;
}

/** Where the research run keeps its plan and writes its brief. */
export function researchPaths(repo: string, pr: string, out?: string): ResearchPaths {
  const planDir = resolvePrDir({ repo, pr });
  return {
    planDir,
    planFile: join(planDir, 'preplan', 'research.plan.json'),
    outputFile: out ? resolve(out) : join(planDir, 'research', 'RESEARCH.md'),
  };
}

/**
 * The one-task plan of the research agent (task_000), written afresh on every run so that it is runnable
 * again: repo discovery, external research, and a brief with a repo summary, risks and suggested
 * verification commands — and no product code.
 */
export async function writeResearchPlan(repo: string, goal: string, paths: ResearchPaths): Promise<Plan> {
  const output = relative(repo, paths.outputFile) || paths.outputFile;
  const plan: Plan = {
    goal,
    created_at: timestamp(),
    tasks: [
      {
        id: 'task_000',
        title: 'Research + repo discovery',
        description: [
          'You are the Research Agent. Collect the minimum research the planner needs to draft three good plan',
          'options, so that its own context stays small.',
          '',
          '1) Repo discovery: summarize the codebase briefly (stack, structure, key entry points, how it is built and tested).',
          '2) External research: best practices, edge cases and verification approaches relevant to the goal',
          '   (use the documentation and search tools you have).',
          `3) Write a concise research brief to ${output} with: a repo summary, research notes, risks and edge`,
          '   cases, suggested plan phases, and concrete verification commands.',
          '',
          'Constraints:',
          '- Do not implement product code.',
          '- Do not edit existing files except the research brief.',
        ].join('\n'),
        expected_files: [output],
        verify: [`test -s '${output.replace(/'/g, "'\\''")}'`],
        done_criteria: [`Research brief exists at ${output}`, 'Includes: repo summary, research notes, risks/edge cases, suggested verification commands.'],
        depends_on: [],
        status: 'pending',
      },
    ],
  };
  await mkdir(dirname(paths.planFile), { recursive: true });
  await writeFileAtomic(paths.planFile, stringifyJson(plan));
  return plan;
}
