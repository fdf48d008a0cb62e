import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * explorer.config.json: the one optional file for exploring a database the project did not seed.
 * Today it only overrides captions (label -> property); a missing file means "choose automatically".
 */
const configSchema = z.object({
  $comment: z.string().optional(),
  captions: z.record(z.string().min(1), z.string().min(1, 'a caption must name a property')).default({}),
}).strict();

export type ExplorerConfig = z.infer<typeof configSchema>;

const CONFIG_FILE = 'explorer.config.json';

/** Parses the config text; throws one readable error listing every problem. */
export function parseExplorerConfig(text: string, file = CONFIG_FILE): ExplorerConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`${file} is invalid:\n${parsed.error.issues.map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`).join('\n')}`);
  }
  return parsed.data;
}

/** Reads explorer.config.json from the project root; no file means every choice is automatic. */
export function loadExplorerConfig(file = CONFIG_FILE): ExplorerConfig {
  let text: string;
  try {
    text = readFileSync(path.resolve(file), 'utf8');
  } catch {
    return { captions: {} };
  }
  return parseExplorerConfig(text, file);
}
