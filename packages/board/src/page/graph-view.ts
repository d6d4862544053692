import type { PlanSummary, TaskRow } from '@planwright/plan-schema';
import { statusColor } from './colors.js';
import { fill, s } from './dom.js';
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH, shapeKey, type GraphLayout } from './graph-layout.js';

interface NodeParts {
  group: SVGElement;
  box: SVGElement;
  note: SVGElement;
}

/**
 * The dependency graph as SVG: lanes per domain, a box per task coloured by status, blocked tasks with
 * their reason, runnable ones marked. The layout is redone only when the graph's shape changes; a
 * status change repaints the boxes it touches.
 */
export class GraphView {
  private layout: GraphLayout | undefined;
  private parts = new Map<string, NodeParts>();

  constructor(private readonly host: HTMLElement, private readonly onSelect: (id: string) => void) {}

  update(summary: PlanSummary): void {
    if (this.layout?.key !== shapeKey(summary.tasks)) this.draw(summary.tasks);
    const runnable = new Set(summary.runnable);
    for (const task of summary.tasks) this.paint(task, runnable.has(task.id));
  }

  private draw(tasks: TaskRow[]): void {
    const graph = layoutGraph(tasks);
    this.layout = graph;
    this.parts.clear();
    const svg = s('svg', { class: 'graph', width: graph.width, height: graph.height, viewBox: `0 0 ${graph.width} ${graph.height}` });
    for (const [index, lane] of graph.lanes.entries()) {
      svg.append(s('rect', { class: `lane lane-${index % 2}`, x: 0, y: lane.y, width: graph.width, height: lane.height }), s('text', { class: 'lane-name', x: 4, y: lane.y + 14 }, lane.name));
    }
    const edgePaths: string[] = [];
    for (const edge of graph.edges) {
      const from = graph.nodes.get(edge.from)!;
      const to = graph.nodes.get(edge.to)!;
      const [x1, y1, x2, y2] = [from.x + NODE_WIDTH, from.y + NODE_HEIGHT / 2, to.x, to.y + NODE_HEIGHT / 2];
      const bend = Math.max(16, (x2 - x1) / 2);
      edgePaths.push(`M${x1},${y1}C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`);
    }
    // One path for every edge: hundreds of tasks stay cheap to draw.
    svg.append(s('path', { class: 'edges', d: edgePaths.join('') }));
    for (const task of tasks) {
      const at = graph.nodes.get(task.id)!;
      const box = s('rect', { class: 'box', width: NODE_WIDTH, height: NODE_HEIGHT, rx: 5 });
      const note = s('text', { class: 'note', x: 6, y: 32 });
      const title = s('title', {}, `${task.id}: ${task.title}`);
      const group = s('g', { class: 'node', transform: `translate(${at.x},${at.y})`, 'data-id': task.id }, box, s('text', { class: 'id', x: 6, y: 15 }, truncate(task.id, 24)), note, title);
      group.addEventListener('click', () => this.onSelect(task.id));
      this.parts.set(task.id, { group, box, note });
      svg.append(group);
    }
    fill(this.host, svg);
  }

  private paint(task: TaskRow, runnable: boolean): void {
    const parts = this.parts.get(task.id);
    if (!parts) return;
    const note = task.status === 'blocked' ? `blocked: ${task.blocked_reason ?? 'no reason given'}` : runnable ? '▶ runnable' : truncate(task.title, 26);
    if (parts.group.getAttribute('data-status') === task.status && parts.note.textContent === note) return;
    parts.group.setAttribute('data-status', task.status);
    parts.group.setAttribute('class', `node status-${task.status}${runnable ? ' runnable' : ''}`);
    parts.box.setAttribute('fill', statusColor(task.status));
    parts.note.textContent = truncate(note, 30);
    parts.group.querySelector('title')!.textContent = `${task.id}: ${task.title}\n${task.status}${task.blocked_reason ? ` (${task.blocked_reason})` : ''}`;
  }
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
