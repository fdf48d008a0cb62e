import type { StylesheetJson } from 'cytoscape';
import { typeStyle } from '@/lib/graph/entity-style';

/** The Cytoscape stylesheet; per-type colour and shape come from lib/graph/entity-style. */
export function graphStylesheet(types: string[]): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        'background-color': '#8899aa',
        label: 'data(label)',
        'font-size': 11,
        'font-family': 'Inter, system-ui, sans-serif',
        color: '#1d2433',
        'text-valign': 'bottom',
        'text-margin-y': 5,
        'text-wrap': 'wrap',
        'text-max-width': '170px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        width: 'data(size)',
        height: 'data(size)',
        'border-width': 2,
        'border-color': '#ffffff',
        'transition-property': 'opacity, border-color, border-width',
        'transition-duration': 200,
      },
    },
    ...types.map((type) => ({
      selector: `node[type = "${type.replace(/"/g, '')}"]`,
      style: { 'background-color': typeStyle(type).color, shape: typeStyle(type).shape },
    })),
    { selector: 'node[?expandable]', style: { 'border-style': 'dashed', 'border-color': '#51607a' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#111827', 'z-index': 10 } },
    { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#d7263d' } },
    { selector: 'node.filtered', style: { display: 'none' } },
    {
      selector: 'edge',
      style: {
        width: 1.6,
        'line-color': '#b8c2d1',
        'target-arrow-color': '#b8c2d1',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        label: 'data(label)',
        'font-size': 8,
        color: '#5b6678',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 9,
      },
    },
    { selector: 'edge:selected', style: { width: 3.5, 'line-color': '#111827', 'target-arrow-color': '#111827', color: '#111827', 'min-zoomed-font-size': 0 } },
    { selector: 'edge.path', style: { width: 4, 'line-color': '#d7263d', 'target-arrow-color': '#d7263d', 'min-zoomed-font-size': 0 } },
  ];
}
