import enCommon from '../../messages/en/common.json';
import enExplorer from '../../messages/en/explorer.json';
import enToolbar from '../../messages/en/toolbar.json';
import enPanels from '../../messages/en/panels.json';
import enSearch from '../../messages/en/search.json';
import enNotes from '../../messages/en/notes.json';
import enErrors from '../../messages/en/errors.json';
import enShare from '../../messages/en/share.json';
import enTypes from '../../messages/en/types.json';
import enRelations from '../../messages/en/relations.json';
import enAnalysis from '../../messages/en/analysis.json';
import enTime from '../../messages/en/time.json';
import enExport from '../../messages/en/export.json';
import enStory from '../../messages/en/story.json';
import enEvidence from '../../messages/en/evidence.json';
import ruCommon from '../../messages/ru/common.json';
import ruExplorer from '../../messages/ru/explorer.json';
import ruToolbar from '../../messages/ru/toolbar.json';
import ruPanels from '../../messages/ru/panels.json';
import ruSearch from '../../messages/ru/search.json';
import ruNotes from '../../messages/ru/notes.json';
import ruErrors from '../../messages/ru/errors.json';
import ruShare from '../../messages/ru/share.json';
import ruTypes from '../../messages/ru/types.json';
import ruRelations from '../../messages/ru/relations.json';
import ruAnalysis from '../../messages/ru/analysis.json';
import ruTime from '../../messages/ru/time.json';
import ruExport from '../../messages/ru/export.json';
import ruStory from '../../messages/ru/story.json';
import ruEvidence from '../../messages/ru/evidence.json';
import zhCommon from '../../messages/zh/common.json';
import zhExplorer from '../../messages/zh/explorer.json';
import zhToolbar from '../../messages/zh/toolbar.json';
import zhPanels from '../../messages/zh/panels.json';
import zhSearch from '../../messages/zh/search.json';
import zhNotes from '../../messages/zh/notes.json';
import zhErrors from '../../messages/zh/errors.json';
import zhShare from '../../messages/zh/share.json';
import zhTypes from '../../messages/zh/types.json';
import zhRelations from '../../messages/zh/relations.json';
import zhAnalysis from '../../messages/zh/analysis.json';
import zhTime from '../../messages/zh/time.json';
import zhExport from '../../messages/zh/export.json';
import zhStory from '../../messages/zh/story.json';
import zhEvidence from '../../messages/zh/evidence.json';
import type { Locale } from './locales';

/**
 * Every interface message, by language and namespace (one JSON file per namespace and language under
 * `messages/`, ICU message syntax: plurals, numbers, dates). English is the reference: a test checks
 * that Russian and Chinese have every English key and the same placeholders.
 *
 * Server code only (pages, routes, the preview image): a client component gets the messages of its
 * one language from the page, through LocaleProvider, never this whole catalogue.
 */
export const CATALOG = {
  en: { common: enCommon, explorer: enExplorer, toolbar: enToolbar, panels: enPanels, search: enSearch, notes: enNotes, errors: enErrors, share: enShare, types: enTypes, relations: enRelations, analysis: enAnalysis, time: enTime, export: enExport, story: enStory, evidence: enEvidence },
  ru: { common: ruCommon, explorer: ruExplorer, toolbar: ruToolbar, panels: ruPanels, search: ruSearch, notes: ruNotes, errors: ruErrors, share: ruShare, types: ruTypes, relations: ruRelations, analysis: ruAnalysis, time: ruTime, export: ruExport, story: ruStory, evidence: ruEvidence },
  zh: { common: zhCommon, explorer: zhExplorer, toolbar: zhToolbar, panels: zhPanels, search: zhSearch, notes: zhNotes, errors: zhErrors, share: zhShare, types: zhTypes, relations: zhRelations, analysis: zhAnalysis, time: zhTime, export: zhExport, story: zhStory, evidence: zhEvidence },
} satisfies Record<Locale, Record<string, unknown>>;

export type Messages = (typeof CATALOG)['en'];
export type Namespace = keyof Messages;

export function messagesFor(locale: Locale): Messages {
  return CATALOG[locale] as Messages;
}
