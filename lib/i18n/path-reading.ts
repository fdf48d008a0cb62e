import type { GraphEdge, GraphNode } from '../graph/types';
import type { Labeller } from './labeller';

/**
 * A path read out as one sentence in the interface language, built from its relationship types:
 * "Kazakhstan partner of Belt and Road Initiative, Belt and Road Conference held under Belt and Road
 * Initiative and Yin Hejun spoke at Belt and Road Conference." Each step is a clause in the
 * relationship's own direction (subject, relationship phrase from relations.json, object); the
 * clauses are joined as the language joins a list. A type without a phrase reads as its name.
 * Pure: the API (with `lang`) and the path finder build the same sentence.
 */

/** The ICU messages a reading needs (panels.path.reading.* in messages/<lang>/panels.json). */
export type ReadingMessages = (key: 'step' | 'sentence' | 'single', values: Record<string, string>) => string;

export function pathReading(path: { nodes: GraphNode[]; edges: GraphEdge[] }, labels: Labeller, messages: ReadingMessages): string {
  const name = (node: GraphNode | undefined) => (node ? labels.caption(node).text : '');
  if (path.edges.length === 0) return messages('single', { name: name(path.nodes[0]) });
  const clauses = path.edges.map((edge, i) => {
    const here = path.nodes[i];
    const next = path.nodes[i + 1];
    const forward = edge.source === here?.id;
    return messages('step', {
      subject: name(forward ? here : next),
      relation: labels.relationship(edge.type),
      object: name(forward ? next : here),
    });
  });
  const steps = new Intl.ListFormat(labels.locale, { style: 'long', type: 'conjunction' }).format(clauses);
  return messages('sentence', { steps });
}
