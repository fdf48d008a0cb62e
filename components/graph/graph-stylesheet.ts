import type { StylesheetJson } from 'cytoscape';
import { typeStyle } from '@/lib/draw/entity-style';
import { WEAK_MARK } from '@/lib/draw/evidence-style';
import { reducedMotion } from './viewport';

/** On-screen size of node labels at zoom 1 and closer, in CSS pixels (never drawn smaller: see `scale`). */
const LABEL_PX = 12;

/** Model units between an entity and its label at a label scale (see `graphStylesheet`). */
export const labelMargin = (scale: number) => Math.round(4 * scale * 100) / 100;

/**
 * The Cytoscape stylesheet; per-type colour and shape come with each element (lib/draw/to-elements,
 * from lib/draw/entity-style). `scale`
 * grows labels in model units as the view zooms out, so that on screen they stay readable; the
 * canvas then hides the labels that would collide rather than shrinking them.
 */
export function graphStylesheet(scale = 1): StylesheetJson {
  const px = (n: number) => Math.round(n * scale * 100) / 100;
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(typeColour)',
        shape: 'data(shape)' as 'ellipse',
        label: 'data(label)',
        'font-size': px(LABEL_PX),
        'font-family': 'Inter, system-ui, sans-serif',
        color: '#1d2433',
        'text-valign': 'bottom',
        'text-margin-y': labelMargin(scale),
        'text-wrap': 'wrap',
        'text-max-width': `${px(120)}px`,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': `${px(2)}px`,
        'text-background-shape': 'roundrectangle',
        width: 'data(size)',
        height: 'data(size)',
        'border-width': 2,
        'border-color': '#ffffff',
        'transition-property': 'opacity, border-color, border-width',
        'transition-duration': reducedMotion() ? 0 : 200,
        // Entities above relationships, always: a click on an entity never lands on a line crossing it.
        'z-index-compare': 'manual',
        'z-index': 10,
      },
    },
    // An analysis colours entities by community (lib/analysis): over the type's colour, under the states below.
    { selector: 'node[colour]', style: { 'background-color': 'data(colour)' } },
    { selector: 'node[?expandable]', style: { 'border-style': 'dashed', 'border-color': '#51607a' } },
    {
      selector: 'node.group',
      style: {
        shape: 'round-rectangle', 'background-opacity': 0.18, 'border-width': 2, 'border-style': 'dashed',
        'text-valign': 'center', 'text-margin-y': 0, 'font-weight': 'bold', 'text-background-opacity': 0,
        'text-max-width': `${px(120)}px`, color: '#1d2433',
      },
    },
    // Resting only on copies: a dotted amber ring outside the border (lib/draw/evidence-style).
    { selector: 'node.ev-weak', style: { 'outline-width': WEAK_MARK.width, 'outline-color': WEAK_MARK.colour, 'outline-style': 'dotted', 'outline-offset': 2 } },
    { selector: 'node.label-hidden', style: { 'text-opacity': 0, 'text-background-opacity': 0 } },
    { selector: 'node.hovered', style: { label: 'data(fullLabel)', 'text-opacity': 1, 'text-background-opacity': 0.95, 'z-index': 40 } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#111827', 'z-index': 30, 'text-opacity': 1, 'text-background-opacity': 0.95 } },
    { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#d7263d' } },
    { selector: 'node.filtered, edge.filtered', style: { display: 'none' } },
    { selector: '.dimmed', style: { opacity: 0.28 } },
    { selector: '.hover-near', style: { opacity: 1 } },
    {
      selector: 'node.background',
      style: {
        shape: 'rectangle', width: 'data(width)', height: 'data(height)', 'background-image': 'data(image)', 'background-fit': 'contain',
        'background-opacity': 0, 'border-width': 0, label: '', 'z-compound-depth': 'bottom', 'z-index': 0, events: 'no', opacity: 1,
      },
    },
    {
      selector: 'edge',
      style: {
        width: 1.6,
        'line-color': '#b8c2d1',
        'target-arrow-color': '#b8c2d1',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        label: '',
        'font-size': px(10),
        color: '#5b6678',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'z-index-compare': 'manual',
        'z-index': 1,
      },
    },
    // Relationship names show where someone is looking: the selection's links, a hovered entity's, a path.
    { selector: 'edge.near-selection, edge.hover-near, edge:selected, edge.path', style: { label: 'data(label)' } },
    // A hub's dozens of links would bury the picture in words: there, names show on hover only.
    { selector: 'edge.near-selection.crowded', style: { label: '' } },
    { selector: 'edge.hover-near, edge.near-selection', style: { 'line-color': '#7b8aa3', 'target-arrow-color': '#7b8aa3' } },
    // Evidence: solid for official or corroborated, dashed for one publisher, dotted and faint for copies only.
    { selector: 'edge.ev-single', style: { 'line-style': 'dashed', 'line-dash-pattern': [7, 4] } },
    { selector: 'edge.ev-weak', style: { 'line-style': 'dotted', opacity: 0.5 } },
    { selector: 'edge.group-edge', style: { 'line-style': 'dashed', 'target-arrow-shape': 'none' } },
    { selector: 'edge:selected', style: { width: 3.5, 'line-color': '#111827', 'target-arrow-color': '#111827', color: '#111827' } },
    { selector: 'edge.path', style: { width: 4, 'line-color': '#d7263d', 'target-arrow-color': '#d7263d' } },
  ];
}
