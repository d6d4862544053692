import { splitLines } from '../layout/read-text.js';
import { sectionHeadings, splitRequirements, type Chunk } from './blocks.js';

/** A main spec, `openspec/specs/<capability>/spec.md`, split around its `## Requirements` section. */
export interface MainSpec {
  lines: string[];
  /** 0-based index of the `## Requirements` heading; undefined when the spec has none. */
  heading?: number;
  /** 0-based index where the section ends (the next `##` heading, or the end of the file). */
  end: number;
  /** The section's requirement blocks and the text between them. */
  chunks: Chunk[];
}

/** Splits a main spec; text outside the requirements section is kept as it is by a merge. */
export function parseMainSpec(text: string): MainSpec {
  const lines = splitLines(text);
  const headings = sectionHeadings(lines);
  const position = headings.findIndex((heading) => /^requirements$/i.test(heading.title));
  if (position < 0) return { lines, end: lines.length, chunks: [] };
  const heading = headings[position]!.index;
  const end = headings[position + 1]?.index ?? lines.length;
  return { lines, heading, end, chunks: splitRequirements(lines, heading + 1, end) };
}

/** The names of a main spec's requirements, in order. */
export function requirementNames(spec: MainSpec): string[] {
  return spec.chunks.filter((chunk) => chunk.kind === 'requirement').map((chunk) => chunk.name!);
}
