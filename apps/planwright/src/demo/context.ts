import { relative } from 'node:path';
import type { DemoAssets } from './assets.js';
import type { DemoProgress, DemoStep } from './types.js';

/** What every step of the demo works with. */
export interface DemoContext {
  /** The temp folder, and the sample repository in it. */
  dir: string;
  repo: string;
  pr: string;
  change: string;
  /** The goal of the change (the proposal's title). */
  goal: string;
  assets: DemoAssets;
  /** The agents' environment (models, CLIs), and git's: the user's git config is left out. */
  env: NodeJS.ProcessEnv;
  timeoutMinutes: number;
  signal?: AbortSignal;
  onProgress?: (progress: DemoProgress) => void;
  /** The sample's first commit: the run's commits are the ones after it. */
  baseSha?: string;
}

/** What a step reports; the demo adds its name and duration. */
export type StepOutcome = Omit<DemoStep, 'step' | 'duration_ms'>;

/** A path as the summary lines show it: relative to the repository when inside it. */
export function shown(context: DemoContext, path: string): string {
  const inside = relative(context.repo, path);
  return inside && !inside.startsWith('..') ? inside : path;
}

/** `1.2 s` */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
