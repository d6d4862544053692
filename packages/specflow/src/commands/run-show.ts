import { printJson, type CliIo } from '@planwright/cli-kit';
import { showItem, type ChangeDetails, type SpecDetails } from '../show.js';
import type { ShowArgs } from './args.js';

/** `show <name>`: a change's tasks and deltas, or a spec's requirements. */
export async function runShow(args: ShowArgs, io: CliIo): Promise<number> {
  const shown = await showItem({ repo: args.repo, name: args.name, type: args.type });
  if (args.json) printJson(io, shown);
  else io.out(shown.type === 'change' ? describeChange(shown.change) : describeSpec(shown.spec));
  return 0;
}

function describeChange(change: ChangeDetails): string {
  const lines = [
    `${change.archived ? 'archived change' : 'change'} ${change.name}${change.title ? `: ${change.title}` : ''}`,
    `${change.dir}: ${change.progress.done}/${change.progress.total} tasks done`,
  ];
  let group: string | undefined;
  for (const task of change.tasks) {
    if (task.group !== group && task.group !== undefined) lines.push(`  ${task.group}`);
    group = task.group;
    lines.push(`    [${task.checked ? 'x' : ' '}] ${task.title}`);
  }
  for (const delta of change.deltas) {
    const parts = [
      ...delta.added.map((name) => `+ ${name}`),
      ...delta.modified.map((name) => `~ ${name}`),
      ...delta.removed.map((name) => `- ${name}`),
      ...delta.renamed.map(({ from, to }) => `${from} -> ${to}`),
    ];
    lines.push(`spec ${delta.capability}: ${parts.length > 0 ? parts.join('; ') : 'no requirements'}`);
  }
  if (change.deltas.length === 0) lines.push('no spec deltas');
  return lines.join('\n');
}

function describeSpec(spec: SpecDetails): string {
  const count = spec.requirements.length;
  const lines = [`spec ${spec.capability}: ${spec.file}, ${count} requirement${count === 1 ? '' : 's'}`];
  for (const requirement of spec.requirements) {
    const scenarios = requirement.scenarios.length;
    lines.push(`  ${requirement.name} (${scenarios} scenario${scenarios === 1 ? '' : 's'})`);
  }
  return lines.join('\n');
}
