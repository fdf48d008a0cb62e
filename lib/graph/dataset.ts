/**
 * What the interface adapts to in the database it explores: its name, whether it records
 * provenance (the seed's Source nodes) and whether it has countries (for the map layout).
 * Discovered on the server (lib/db/dataset.ts) and handed to every page.
 */
export interface DatasetInfo {
  /** The name shown as the brand and in titles; null: the seed's own title (from the messages). */
  title: string | null;
  /** Relationships and entities carry sources: "why?" and source lists are shown. */
  provenance: boolean;
  /** Some entities are countries: the world-map layout is offered. */
  countries: boolean;
}

/** The seed's dataset, and what a page assumes when the database could not be asked. */
export const SEED_DATASET: DatasetInfo = { title: null, provenance: true, countries: true };
