import { Graph, layout } from '@dagrejs/dagre';
import type { TaskRow } from '@planwright/plan-schema';

export const NODE_WIDTH = 168;
export const NODE_HEIGHT = 40;
const ROW_GAP = 14;
const LANE_PAD = 22;

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
 * Lays the dependency graph out left to right with dagre (ranks and the order that keeps edges from
 * crossing), then puts each domain in its own horizontal lane: a task keeps dagre's column and, inside
 * its lane, the place dagre's order gives it in that column.
 */
export function layoutGraph(tasks: TaskRow[]): GraphLayout {
  const graph = new Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 10, ranksep: 36, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(tasks.map((task) => task.id));
  for (const task of tasks) graph.setNode(task.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  const edges: GraphLayout['edges'] = [];
  for (const task of tasks) {
    for (const dependency of task.depends_on) {
      if (!ids.has(dependency)) continue;
      graph.setEdge(dependency, task.id);
      edges.push({ from: dependency, to: task.id });
    }
  }
  layout(graph);
  const laneNames = [...new Set(tasks.map((task) => task.domain ?? ''))].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  const nodes = new Map<string, NodeBox>();
  const lanes: Lane[] = [];
  let top = 0;
  let width = 0;
  for (const name of laneNames) {
    const members = tasks.filter((task) => (task.domain ?? '') === name).map((task) => ({ id: task.id, at: graph.node(task.id) as { x: number; y: number } }));
    const columns = new Map<number, typeof members>();
    for (const member of members) columns.set(Math.round(member.at.x), [...(columns.get(Math.round(member.at.x)) ?? []), member]);
    let rows = 1;
    for (const [x, column] of columns) {
      column.sort((a, b) => a.at.y - b.at.y);
      column.forEach((member, row) => nodes.set(member.id, { id: member.id, x: x - NODE_WIDTH / 2, y: top + LANE_PAD + row * (NODE_HEIGHT + ROW_GAP), lane: name }));
      rows = Math.max(rows, column.length);
      width = Math.max(width, x + NODE_WIDTH / 2);
    }
    const height = LANE_PAD + rows * (NODE_HEIGHT + ROW_GAP);
    lanes.push({ name: name || '(no domain)', y: top, height });
    top += height;
  }
  return { key: shapeKey(tasks), nodes, edges, lanes, width: width + 8, height: top };
}
