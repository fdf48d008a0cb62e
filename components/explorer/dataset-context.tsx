'use client';

import { createContext, useContext } from 'react';
import { SEED_DATASET, type DatasetInfo } from '@/lib/graph/dataset';

/** The explored database's name and what it has, for the components that adapt to it. */
const DatasetContext = createContext<DatasetInfo>(SEED_DATASET);

export const DatasetProvider = DatasetContext.Provider;

export function useDataset(): DatasetInfo {
  return useContext(DatasetContext);
}
