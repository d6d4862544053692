/** The server of one repository: its tools and resources, for any transport. */
export { createPlanwrightServer } from './server/create-server.js';
export type { PlanwrightServer, PlanwrightServerOptions } from './server/create-server.js';
/** Serve it on stdin/stdout. */
export { serveStdio } from './transports/stdio.js';
/** A path refused unless it lies inside the repository (symlinks followed). */
export { insideRepo } from './server/inside-repo.js';
/** The plan edits behind add_tasks and update_task. */
export { addTasks } from './plan/add-tasks.js';
export type { AddTasksOptions, AddTasksResult } from './plan/add-tasks.js';
export { updateTask } from './plan/update-task.js';
export type { UpdateTaskOptions, UpdateTaskResult } from './plan/update-task.js';
/** start_run and wait_run as library calls. */
export { startRun } from './runs/start-run.js';
export type { StartRunOptions, StartRunResult } from './runs/start-run.js';
export { waitRun } from './runs/wait-run.js';
export type { WaitRunOptions, WaitRunResult } from './runs/wait-run.js';
/** Serve it as streamable HTTP on 127.0.0.1 with a bearer token. */
export { serveHttp } from './transports/http.js';
export type { HttpServeOptions, McpHttpServer } from './transports/http.js';
