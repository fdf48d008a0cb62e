/** Entity ids from graph-seed/data that the browser tests walk through. */
export const SEED = {
  conference: 'event:brst-2023',
  chongqing: 'place:chongqing',
  ministry: 'org:most',
  yinHejun: 'person:yin-hejun',
  initiative: 'document:istc-initiative',
  bri: 'initiative:bri',
  kazakhstan: 'country:KAZ',
} as const;
