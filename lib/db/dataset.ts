import 'server-only';
import { appEnv } from '../env';
import { SEED_DATASET, type DatasetInfo } from '../graph/dataset';
import { isCountryType } from '../geo/country-code';
import { getSchema } from './schema';

/**
 * What the interface adapts to (lib/graph/dataset.ts), from the discovered schema: the seed keeps
 * its title, another database shows APP_TITLE or its own name; provenance where Source nodes are;
 * the map where a label names countries (or the seed's entities, whose ids say `country:`).
 */
export async function getDataset(): Promise<DatasetInfo> {
  const env = appEnv();
  try {
    const schema = await getSchema();
    return {
      title: env.APP_TITLE ?? (schema.seedShape ? null : env.NEO4J_DATABASE),
      provenance: schema.provenance,
      countries: schema.seedShape || schema.labels.some((l) => l.count > 0 && isCountryType(l.label)),
    };
  } catch {
    // The database is down: the page still opens (with its banner) under the configured name.
    return { ...SEED_DATASET, title: env.APP_TITLE ?? null };
  }
}
