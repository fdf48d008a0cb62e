'use client';

import { useEffect, useState } from 'react';

export interface Basemap { image: string; x: number; y: number; width: number; height: number }

/** The world map drawn under the map layout; its code and data load only when the layout is chosen. */
export function useBasemap(wanted: boolean): Basemap | null {
  const [basemap, setBasemap] = useState<Basemap | null>(null);
  useEffect(() => {
    if (!wanted || basemap) return;
    let live = true;
    void import('@/lib/geo/basemap').then(({ basemapSvg }) => {
      const map = basemapSvg();
      if (live) setBasemap({ image: `data:image/svg+xml;utf8,${encodeURIComponent(map.svg)}`, x: map.x + map.width / 2, y: map.y + map.height / 2, width: map.width, height: map.height });
    });
    return () => { live = false; };
  }, [wanted, basemap]);
  return wanted ? basemap : null;
}
