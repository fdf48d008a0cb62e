import type { EvidenceGrade } from '../graph/evidence';

/**
 * How a fact's evidence grade is drawn, the same on the canvas, the server picture, the share image
 * and the exports: relationships solid when official or corroborated, dashed when one publisher
 * stands behind them, dotted and faint when only copies do; an entity resting only on copies gets a
 * dotted amber ring. Nothing is drawn differently on a graph without grades.
 */

export type LineKind = 'solid' | 'dashed' | 'dotted';

export interface EvidenceLine {
  line: LineKind;
  opacity: number;
}

const WEAK = new Set<EvidenceGrade>(['weak', 'none']);

/** The line of a relationship of this grade; undefined (no grade) draws as solid. */
export function evidenceLine(grade: EvidenceGrade | undefined): EvidenceLine {
  if (grade === 'single') return { line: 'dashed', opacity: 1 };
  if (grade && WEAK.has(grade)) return { line: 'dotted', opacity: 0.5 };
  return { line: 'solid', opacity: 1 };
}

/** True when an entity rests only on copies or low-reliability sources (or none): it is marked. */
export function isWeakEntity(grade: EvidenceGrade | undefined): boolean {
  return grade !== undefined && WEAK.has(grade);
}

/** The mark's colour and SVG dash pattern; the canvas uses the same colour with a dotted outline. */
export const WEAK_MARK = { colour: '#d97706', dash: '2 3', width: 2, gap: 4 } as const;

/**
 * The ring as an SVG path (two arcs), not a <circle>: in a picture, circles are entities, and
 * readers of the markup (tests, tools that count what a picture draws) may rely on that.
 */
export function ringPath(cx: number, cy: number, r: number): string {
  return `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
}

/** SVG stroke-dasharray of a line kind, for a stroke of about 1.6 model units. */
export const SVG_DASH: Record<LineKind, string | null> = { solid: null, dashed: '7 4', dotted: '1.6 3.2' };

/** Cytoscape classes of an element with this grade (see graph-stylesheet). */
export function evidenceClass(grade: EvidenceGrade | undefined, kind: 'node' | 'edge'): string {
  if (kind === 'node') return isWeakEntity(grade) ? 'ev-weak' : '';
  const { line } = evidenceLine(grade);
  return line === 'dashed' ? 'ev-single' : line === 'dotted' ? 'ev-weak' : '';
}
