import type { ExecutorFactories } from '@planwright/agent-runner';
import { createRedisExecutor } from './redis-executor.js';

/** The executors this package offers to `planwright run --executor`, by URL scheme (`rediss`: TLS). */
export const executorFactories: ExecutorFactories = { redis: createRedisExecutor, rediss: createRedisExecutor };
