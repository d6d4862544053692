import { Graph, layout } from '@dagrejs/dagre';
import type { TaskRow } from '@planwright/plan-schema';

export const NODE_WIDTH = 168;
export const NODE_HEIGHT = 40;
const COLUMN_GAP = 40;
const LANE_PAD = 22;
// Node ids a task id cannot take (task ids start with a letter or digit).
const SPINE = '\u0000spine-';

export interface NodeBox {
  id: string;
  x: number;
  y: number;
  lane: string;
}

export interface Lane {
  name: string;
  y: number;
  height: number;
}

/** Where every task and dependency goes; computed once per graph shape, reused while statuses change. */
export interface GraphLayout {
  key: string;
  nodes: Map<string, NodeBox>;
  edges: { from: string; to: string }[];
  lanes: Lane[];
  width: number;
  height: number;
}

/** The graph's shape (ids, dependencies, domains): a layout stays valid while it is the same. */
export function shapeKey(tasks: TaskRow[]): string {
  return tasks.map((task) => `${task.id}|${task.domain ?? ''}|${task.depends_on.join(',')}`).join(';');
}

/**
 * Lays the dependency graph out left to right in one horizontal lane per domain. A task's column is its
 * depth (the longest chain of dependencies before it), the same in every lane; inside a lane, dagre
 * orders and places the tasks of each column so that the lane's own dependencies cross as little as
 * they can. One dagre run per lane rather than one for the whole graph: dagre's ordering grows fast
 * with long cross-lane edges, and a 500-task plan must still draw in well under a second.
 */
export function layoutGraph(tasks: TaskRow[]): GraphLayout {
  const ids = new Set(tasks.map((task) => task.id));
  const depth = depths(tasks, ids);
  const edges = tasks.flatMap((task) => task.depends_on.filter((dependency) => ids.has(dependency)).map((dependency) => ({ from: dependency, to: task.id })));
  const laneNames = [...new Set(tasks.map((task) => task.domain ?? ''))].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  const nodes = new Map<string, NodeBox>();
  const lanes: Lane[] = [];
  let top = 0;
  for (const name of laneNames) {
    const members = tasks.filter((task) => (task.domain ?? '') === name);
    const inLane = new Set(members.map((task) => task.id));
    const graph = new Graph();
    graph.setGraph({ rankdir: 'LR', ranker: 'longest-path', nodesep: 12, ranksep: COLUMN_GAP, marginx: 0, marginy: 0 });
    graph.setDefaultEdgeLabel(() => ({}));
    // A hidden spine, one point per column, pins each task to its column in dagre's ranks too, so
    // tasks of one column never share a place in the lane.
    const columns = Math.max(0, ...members.map((task) => depth.get(task.id)!)) + 1;
    for (let column = 0; column <= columns; column++) {
      graph.setNode(`${SPINE}${column}`, { width: 0, height: 0 });
      if (column) graph.setEdge(`${SPINE}${column - 1}`, `${SPINE}${column}`, { weight: 0 });
    }
    for (const task of members) {
      const column = depth.get(task.id)!;
      graph.setNode(task.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
      // spine(column) -> task -> spine(column + 1): rank(task) is the spine's rank plus one, in every lane alike.
      graph.setEdge(`${SPINE}${column}`, task.id, { weight: 0 });
      graph.setEdge(task.id, `${SPINE}${column + 1}`, { weight: 0 });
    }
    for (const edge of edges) if (inLane.has(edge.from) && inLane.has(edge.to)) graph.setEdge(edge.from, edge.to);
    layout(graph);
    let bottom = 0;
    // The spine's points take places too: the lane starts at its first task, not at dagre's origin.
    const first = Math.min(...members.map((task) => (graph.node(task.id) as { y: number }).y));
    for (const task of members) {
      const at = graph.node(task.id) as { y: number };
      const y = top + LANE_PAD + at.y - first;
      nodes.set(task.id, { id: task.id, x: depth.get(task.id)! * (NODE_WIDTH + COLUMN_GAP), y, lane: name });
      bottom = Math.max(bottom, y + NODE_HEIGHT);
    }
    const height = bottom - top + 10;
    lanes.push({ name: name || '(no domain)', y: top, height });
    top += height;
  }
  const columns = Math.max(0, ...depth.values()) + 1;
  return { key: shapeKey(tasks), nodes, edges, lanes, width: columns * (NODE_WIDTH + COLUMN_GAP), height: top };
}

/** Each task's depth: 0 without dependencies, else one more than its deepest dependency. */
function depths(tasks: TaskRow[], ids: Set<string>): Map<string, number> {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const depth = new Map<string, number>();
  const visit = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    // Marked first, so a cycle (which validation refuses anyway) cannot recurse forever.
    depth.set(id, 0);
    const own = Math.max(-1, ...byId.get(id)!.depends_on.filter((dependency) => ids.has(dependency)).map(visit)) + 1;
    depth.set(id, own);
    return own;
  };
  for (const task of tasks) visit(task.id);
  return depth;
}
