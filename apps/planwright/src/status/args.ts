import type { PlanLocationArgs } from '@planwright/plan-schema/commands';

/** The arguments of `planwright status`; here, so command.ts and watch.ts both import them one way. */
export interface StatusArgs extends PlanLocationArgs {
  runRoot?: string;
  json: boolean;
  graph: boolean;
  watch: boolean;
  interval: number;
}
