/**
 * Generates graph-seed/data/countries.json from the researched country table.
 *
 *   npx tsx graph-seed/tools/build-countries.ts [countries.csv] [output.json]
 *
 * The input defaults to graph-seed/tools/countries.csv, a copy of the researched table kept in the repository so
 * the output can be rebuilt; its gfdc_mou column holds the full "likely date of joining" of the same GFDC list copy
 * (the researched table kept only the year).
 * Input columns: iso3, name_en, bri_partner (yes|unknown), bri_joined (year or empty), gfdc_mou (YYYY-MM-DD or empty),
 * st_agreement, source.
 * - Partner status and joining year come from the Green Finance & Development Center (GFDC) list, read from a
 *   third-party GitHub copy; the few rows that are not in that copy carry their own source in the CSV. Where GFDC
 *   calls the signing unclear and Chinese official sources settle it (Austria, Russia, the Republic of the Congo),
 *   ANNOTATIONS gives those sources (partnerFrom) and the records say gfdcStatus "unclear".
 *   GFDC gives China itself 2013-12-01, and the same date to seven other countries: for those it reads as a
 *   placeholder, not as an MoU date, so no joining year is recorded for them (the GFDC value is kept as such).
 * - Russian and Chinese names come from i18n-iso-countries; where it gives only an abbreviation or a short form
 *   (ОАЭ, 印尼), FULL_NAMES below gives the full name with its source, and the short form stays an alias.
 * - Per-country remarks in the CSV `source` column (exit dates, discrepancies, extra sources) are kept below in
 *   ANNOTATIONS, written in our own words; the script fails if a row has a remark or a URL it does not cover.
 * - S&T-agreement information is deliberately left out here: core.json holds those edges with their sources.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import ru from 'i18n-iso-countries/langs/ru.json';
import zh from 'i18n-iso-countries/langs/zh.json';
import type { SeedFile, SeedNode, SeedRelationship, SeedSource } from '../schema';

countries.registerLocale(en);
countries.registerLocale(ru);
countries.registerLocale(zh);

// ---------------------------------------------------------------------------------------------------------------
// CSV

/** A small RFC-4180 style parser: commas, double-quoted fields, "" escapes, CRLF or LF line ends. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      if (row.some((cell) => cell !== '')) rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  row.push(field);
  if (row.some((cell) => cell !== '')) rows.push(row);
  return rows;
}

interface CountryRow {
  iso3: string;
  nameEn: string;
  briPartner: 'yes' | 'unknown';
  briJoined?: number;
  /** GFDC's "likely date of joining", YYYY-MM-DD. */
  gfdcMou?: string;
  source: string;
}

function readRows(csvPath: string): CountryRow[] {
  const [header, ...records] = parseCsv(readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, ''));
  if (!header) throw new Error(`${csvPath} is empty`);
  const col = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`${csvPath} has no column ${name}`);
    return index;
  };
  const [iso3, nameEn, partner, joined, mou, source] = ['iso3', 'name_en', 'bri_partner', 'bri_joined', 'gfdc_mou', 'source'].map(col);
  return records.map((cells, n) => {
    const get = (index: number | undefined) => (index === undefined ? '' : (cells[index] ?? '').trim());
    const code = get(iso3);
    if (!/^[A-Z]{3}$/.test(code)) throw new Error(`row ${n + 2}: bad iso3 "${code}"`);
    const status = get(partner);
    if (status !== 'yes' && status !== 'unknown') throw new Error(`${code}: bri_partner must be yes or unknown, got "${status}"`);
    const year = get(joined);
    if (year !== '' && !/^\d{4}$/.test(year)) throw new Error(`${code}: bad bri_joined "${year}"`);
    const date = get(mou);
    if (date !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`${code}: bad gfdc_mou "${date}"`);
    if (date !== '' && date.slice(0, 4) !== year) throw new Error(`${code}: gfdc_mou ${date} does not match bri_joined ${year}`);
    return {
      iso3: code, nameEn: get(nameEn), briPartner: status, briJoined: year ? Number(year) : undefined,
      ...(date ? { gfdcMou: date } : {}), source: get(source),
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Sources

/** The standard text of the CSV source column for a row read from the GFDC list copy. */
const GFDC_PREFIX = "Green Finance & Development Center (Nedopil), 'Countries of the Belt and Road Initiative' "
  + 'https://greenfdc.org/countries-of-the-belt-and-road-initiative-bri/ - values read from third-party GitHub copy '
  + 'of the GFDC May-2025 export: github.com/aarrigone00-cmd/bri-explorer scripts/gfdc-bri-countries-2025-05.csv '
  + "(commit edf17ed); bri_joined = year of GFDC 'likely date of joining' (MoU)";

const SOURCES: SeedSource[] = [
  {
    id: 'src:gfdc-bri-countries',
    publisher: 'Green Finance & Development Center (GFDC)',
    title: 'Countries of the Belt and Road Initiative (BRI)',
    date: '2025-05',
    url: 'https://greenfdc.org/countries-of-the-belt-and-road-initiative-bri/',
    seenAt: 'https://github.com/aarrigone00-cmd/bri-explorer/blob/edf17ed/scripts/gfdc-bri-countries-2025-05.csv',
    reliability: 'copy',
    note: "Country list compiled by C. Nedopil (GFDC). The original page could not be opened; values were read from a "
      + "third-party GitHub copy of GFDC's May-2025 export (aarrigone00-cmd/bri-explorer, commit edf17ed). The joining "
      + "year is the year of GFDC's 'likely date of joining' (the MoU date).",
  },
  {
    id: 'src:gfdc-page-copy',
    publisher: 'Green Finance & Development Center (GFDC)',
    title: 'Countries of the Belt and Road Initiative (BRI) - page text',
    date: null,
    url: 'https://greenfdc.org/countries-of-the-belt-and-road-initiative-bri/',
    seenAt: 'https://investguiding.com/article/countries-of-the-belt-and-road-initiative-bri-green-finance-development-center',
    reliability: 'copy',
    note: 'Text of the GFDC page read on a third-party copy. It says 148 countries (149 with China) had signed BRI MoUs by '
      + 'March 2022, that the official Belt and Road Portal (yidaiyilu.gov.cn) also counts Palestine, and that signing '
      + 'is unclear for Austria, Niger and Russia.',
  },
  {
    id: 'src:unicode-cldr-country-names',
    publisher: 'i18n-iso-countries (open-source package)',
    title: 'i18n-iso-countries 7.14 country names (English, Russian, Chinese)',
    date: null,
    url: 'https://github.com/michaelwittig/node-i18n-iso-countries',
    reliability: 'copy',
    note: 'Russian, Chinese and alternative English country names taken from the package i18n-iso-countries (version '
      + '7.14). It is a compilation, not CLDR itself: in places it gives short forms where CLDR 48 gives full names '
      + '(印尼 for 印度尼西亚, 波黑 for 波斯尼亚和黑塞哥维那); those full names are sourced separately.',
  },
  {
    id: 'src:cri-2021-12-brasil247',
    publisher: 'China Radio International (via Brasil 247)',
    title: 'China assina cooperação com 145 países para a construção conjunta do Cinturão e Rota',
    date: '2021-12',
    url: 'https://www.brasil247.com/mundo/china-assina-cooperacao-com-145-paises-para-a-construcao-conjunta-do-cinturao-e-rota',
    seenAt: 'https://www.brasil247.com/mundo/china-assina-cooperacao-com-145-paises-para-a-construcao-conjunta-do-cinturao-e-rota',
    reliability: 'copy',
    note: 'CRI report republished by Brasil 247 (original CRI URL not known; title taken from the copy URL). Says China had '
      + 'signed BRI cooperation documents with 145 countries and 32 organisations, and had recently signed with the '
      + 'Central African Republic, Guinea-Bissau, Eritrea, Burkina Faso and Sao Tome and Principe.',
  },
  {
    id: 'src:ndrc-xinhua-2022-01-18',
    publisher: 'Xinhua (via AFPBB News)',
    title: 'NDRC spokesman Jin Xiandong on new Belt and Road cooperation documents (Xinhua report, Japanese edition)',
    date: '2022-01-18',
    url: 'https://www.afpbb.com/articles/-/3385913',
    seenAt: 'https://www.afpbb.com/articles/-/3385913',
    reliability: 'copy',
    note: 'Xinhua report carried by AFPBB; title is descriptive. NDRC counted 147 countries and 32 international '
      + 'organisations and named countries that signed documents since December 2021.',
  },
  {
    id: 'src:cgtn-2019-04-brf2-mous',
    publisher: 'CGTN',
    title: 'Countries signing Belt and Road cooperation documents around the 2nd Belt and Road Forum (descriptive title)',
    date: '2019-04',
    url: 'https://news.cgtn.com/news/3d3d414d32457a4d34457a6333566d54/share_amp.html',
    reliability: 'media',
  },
  {
    id: 'src:peoples-daily-bri-explainer',
    publisher: "People's Daily",
    title: 'BRI explainer: Who is in?',
    date: null,
    url: 'https://peoplesdaily.pdnews.cn/er/channel/1003/30001255297',
    reliability: 'media',
  },
  {
    id: 'src:peoples-daily-pt-2023-12-15',
    publisher: "People's Daily (Portuguese edition)",
    title: 'NDRC on countries signing Belt and Road cooperation documents after the 3rd Belt and Road Forum (descriptive title)',
    date: '2023-12-15',
    url: 'http://portuguese.people.cn/n3/2023/1215/c309806-20110639.html',
    reliability: 'media',
  },
  {
    id: 'src:creaders-2018-07-22',
    publisher: 'Creaders.net',
    title: 'Senegal signs Belt and Road cooperation document with China (descriptive title)',
    date: '2018-07-22',
    url: 'https://news.creaders.net/world/2018/07/22/1975892.html',
    seenAt: 'https://news.creaders.net/world/2018/07/22/1975892.html',
    reliability: 'copy',
    note: 'News aggregator repost; the original outlet was not recorded.',
  },
  {
    id: 'src:cldr-48-territories',
    publisher: 'Unicode CLDR',
    title: 'CLDR 48 territory display names (Russian, Chinese and English), cldr-json release 48.2.0',
    date: '2025',
    url: 'https://github.com/unicode-org/cldr-json',
    reliability: 'official',
    note: 'Read from the cldr-localenames-full 48.2.0 package (main/ru, main/zh and main/en territories.json). Gives the '
      + 'full Chinese names 印度尼西亚, 波斯尼亚和黑塞哥维那, 阿拉伯联合酋长国, 中非共和国, 刚果民主共和国 and 刚果共和国 '
      + '(variants), 多米尼加共和国, the Russian names Южно-Африканская Республика, Центрально-Африканская Республика, '
      + 'Туркменистан and Молдова, and the English forms Congo - Kinshasa, Congo (DRC), Congo - Brazzaville and '
      + 'Congo (Republic). For the United Arab Emirates it too gives only ОАЭ, and for Kyrgyzstan Киргизия.',
  },
  {
    id: 'src:kyrgyz-constitution-ru',
    publisher: 'Kyrgyz Republic',
    title: 'Конституция Кыргызской Республики, статья 1 (Russian text)',
    date: null,
    url: 'http://5rik.ru/clear/list-1038-str-79.php',
    seenAt: 'http://5rik.ru/clear/list-1038-str-79.php',
    reliability: 'copy',
    note: 'Russian text of the Constitution of the Kyrgyz Republic read on a third-party copy: "Кыргызская Республика '
      + '(Кыргызстан)". Russian is an official language of Kyrgyzstan.',
  },
  {
    id: 'src:businessemirates-2021-06-14',
    publisher: 'Business Emirates',
    title: 'ОАЭ избраны в Совет Безопасности ООН',
    date: '2021-06-14',
    url: 'https://businessemirates.ae/news/uae-property-news/oae-izbrany-v-sovet-bezopasnosti-oon/',
    reliability: 'media',
    note: 'Russian-language news site in the UAE; writes the full name "Объединенные Арабские Эмираты" next to the abbreviation ОАЭ.',
  },
  {
    id: 'src:recca-afghanistan-bri',
    publisher: 'Regional Economic Cooperation Conference on Afghanistan (RECCA)',
    title: 'Belt & Road initiative & Afghanistan',
    date: null,
    url: 'https://recca.af/?page_id=2077',
    reliability: 'media',
    note: 'Says that during Chief Executive Abdullah Abdullah\'s visit to China in May 2016 the Afghan and Chinese foreign '
      + 'ministers signed a memorandum of understanding on cooperation under the Belt and Road Initiative.',
  },
  {
    id: 'src:xinhua-ar-2023-12-15-jordan',
    publisher: "Xinhua (via People's Daily Arabic edition)",
    title: 'Jordanian economist on the China-Jordan Belt and Road memorandum of understanding (descriptive title)',
    date: '2023-12-15',
    url: 'http://arabic.peopledaily.com.cn/n3/2023/1215/c31660-20110731.html',
    reliability: 'media',
    note: 'Xinhua, Amman, 14 December 2023: China and Jordan signed a memorandum of understanding on jointly building the '
      + 'Belt and Road on 29 November 2023.',
  },
  {
    id: 'src:xinhua-2023-06-13-honduras',
    publisher: "Xinhua (via People's Daily Online)",
    title: 'China, Honduras sign memorandum of understanding on Belt and Road cooperation',
    date: '2023-06-13',
    url: 'http://en.people.cn/n3/2023/0613/c90000-20031139.html',
    reliability: 'media',
    note: 'Beijing, 13 June 2023: the National Development and Reform Commission said on Tuesday that the Chinese government '
      + 'had signed a memorandum of understanding with the Honduran government on jointly promoting the Belt and Road Initiative.',
  },
  {
    id: 'src:brnn-de-2023-06-14-honduras',
    publisher: 'Belt and Road News Network (German edition)',
    title: 'China and Honduras sign a Belt and Road memorandum of understanding (German; descriptive title)',
    date: '2023-06-14',
    url: 'http://de.brnn.com/n3/2023/0614/c416983-20031676.html',
    reliability: 'media',
    note: 'Says the two governments signed the memorandum on jointly building the Silk Road Economic Belt and the 21st Century '
      + 'Maritime Silk Road "am Montag" (on Monday, which was 12 June 2023) and that the NDRC announced it on Tuesday. Date '
      + 'taken from the page address.',
  },
  {
    id: 'src:mfa-es-2018-04-10-austria',
    publisher: 'Ministry of Foreign Affairs of the People\'s Republic of China (Spanish edition)',
    title: 'Xi Jinping holds talks with Austrian President Van der Bellen (Spanish; descriptive title)',
    date: '2018-04-10',
    url: 'https://www.mfa.gov.cn/esp/wjb/zzjg/xos/xwlb/201804/t20180410_938153.html',
    reliability: 'official',
    note: 'The talks took place on 8 April 2018 in the Great Hall of the People; the two presidents agreed on a friendly '
      + 'strategic partnership, and Xi welcomed that the Austrian government programme included the Belt and Road Initiative.',
  },
  {
    id: 'src:cctv-2018-04-austria',
    publisher: 'CCTV (央视网), via a copy on a Jingmen news site',
    title: '奥地利总统对华“历史性访问”释放什么信号',
    date: null,
    url: 'http://jingmen.cjyun.org/p/167469.html',
    seenAt: 'http://jingmen.cjyun.org/p/167469.html',
    reliability: 'copy',
    note: 'CCTV commentary on the 8 April talks between Xi Jinping and Van der Bellen: "两国元首共同见证了“一带一路”合作文件的签署" '
      + '(the two heads of state witnessed the signing of a Belt and Road cooperation document). Undated copy; the original '
      + 'CCTV address was not found.',
  },
  {
    id: 'src:cri-de-2019-04-27-austria',
    publisher: 'China Radio International (via China.org.cn, German edition)',
    title: 'Li Xiaosi: China-Besuch von Kurz fördert bilaterale Seidenstraßen-Kooperation',
    date: '2019-04-27',
    url: 'http://german.china.org.cn/txt/2019-04/27/content_74728970.htm',
    reliability: 'media',
    note: 'China\'s ambassador to Austria, Li Xiaosi, wrote that Austria welcomes and supports the Belt and Road Initiative and '
      + 'that the two sides had already signed a corresponding cooperation document ("ein entsprechendes Kooperationsdokument").',
  },
  {
    id: 'src:yidaiyilu-cn-ru-2015-joint-statement',
    publisher: 'Belt and Road Portal (中国一带一路网), text from the Ministry of Foreign Affairs',
    title: '中华人民共和国与俄罗斯联邦关于丝绸之路经济带建设和欧亚经济联盟建设对接合作的联合声明',
    date: '2017-03-16',
    url: 'http://www.yidaiyilu.gov.cn/zchj/sbwj/2427.htm',
    reliability: 'official',
    note: 'The official Belt and Road Portal files this joint statement in its section of bilateral documents (zchj/sbwj). '
      + 'Issued in Moscow on 8 May: "俄方支持丝绸之路经济带建设，愿与中方密切合作，推动落实该倡议" (Russia supports the Silk Road '
      + 'Economic Belt and will work closely with China to implement it). The date is the portal\'s publication date.',
  },
  {
    id: 'src:xinhua-2015-05-08-cn-ru',
    publisher: 'Xinhua (via China.org.cn China Gate)',
    title: "1st LD: Beijing, Moscow agree to integrate China's Belt initiative with Russia's Eurasian vision",
    date: '2015-05-08',
    url: 'http://en.chinagate.cn/2015-05/08/content_35526360.htm',
    reliability: 'media',
    note: 'China and Russia agreed on Friday 8 May 2015, in one of two joint statements signed by Xi Jinping and Vladimir Putin '
      + 'in Moscow, to integrate the Silk Road Economic Belt with the Eurasian Economic Union.',
  },
  {
    id: 'src:cri-sw-2023-10-20-congo',
    publisher: 'China Radio International (Swahili service)',
    title: 'Rais Xi Jinping wa China akutana na rais wa Jamhuri ya Kongo Denis Sassou Nguesso',
    date: '2023-10-20',
    url: 'https://swahili.cri.cn/2023/10/20/ARTI2BOxs2nBMWG9jG8RJkva231020.shtml',
    reliability: 'media',
    note: 'Xi Jinping, meeting Denis Sassou Nguesso at the 3rd Belt and Road Forum, called the Republic of the Congo a partner '
      + 'and important ally in building the Belt and Road ("mwenzi na mshirika muhimu kwenye ujenzi wa Ukanda Mmoja, Njia '
      + 'Moja"), citing its National Road No. 1 among completed projects.',
  },
  {
    id: 'src:govcn-2018-09-06-congo',
    publisher: "Central People's Government of the PRC (gov.cn), via MarketScreener",
    title: "Xi holds talks with Republic of the Congo's president",
    date: '2018-09-06',
    url: 'https://www.marketscreener.com/news/Central-People-Government-of-People-Re-Xi-holds-talks-with-Republic-of-the-Congo-rsquo-s-president--27216163/?utm_medium=RSS&utm_content=20180906',
    seenAt: 'https://www.marketscreener.com/news/Central-People-Government-of-People-Re-Xi-holds-talks-with-Republic-of-the-Congo-rsquo-s-president--27216163/?utm_medium=RSS&utm_content=20180906',
    reliability: 'copy',
    note: 'Talks of 5 September 2018, after the FOCAC Beijing Summit: Xi "welcomes the Republic of the Congo to join the Belt '
      + 'and Road construction". Republished from gov.cn; the original address was not recorded.',
  },
  {
    id: 'src:matinlibre-congo-bri',
    publisher: 'Matin Libre (Brazzaville)',
    title: 'Congo : Denis Sassou-Nguesso se rendra bientôt en Chine',
    date: null,
    url: 'https://www.matinlibre.cg/congo-denis-sassou-nguesso-se-rendra-bientot-en-chine',
    reliability: 'media',
    note: 'A Congolese newspaper writes that the Congo joined the New Silk Roads initiative "dès 2016"; no official source read '
      + 'gives that year.',
  },
  {
    id: 'src:xinhua-jp-2019-05-29-niger',
    publisher: 'Xinhua (Japanese service)',
    title: 'Xi Jinping holds talks with Niger\'s President Issoufou (Japanese; descriptive title)',
    date: '2019-05-29',
    url: 'http://jp.xinhuanet.com/2019-05/29/c_138099104.htm',
    reliability: 'media',
    note: 'Talks of 28 May 2019 in Beijing: Xi called for closer links under the Belt and Road and FOCAC frameworks; Issoufou '
      + 'said Niger wished to take an active part in jointly building the Belt and Road; the two presidents witnessed the '
      + 'signing of bilateral cooperation documents, which the report does not name.',
  },
];

/** Sources defined in core.json that this file's records also cite. */
const CORE_SOURCES = {
  article: 'src:optimism-2023-11-22',
  stDailyHungary: 'src:stdaily-via-au-mission',
} as const;

/** Every URL that may appear in the CSV source column, mapped to a source id, or to null when left out on purpose. */
const URL_SOURCES: Record<string, string | null> = {
  'https://greenfdc.org/countries-of-the-belt-and-road-initiative-bri/': 'src:gfdc-bri-countries',
  'https://investguiding.com/article/countries-of-the-belt-and-road-initiative-bri-green-finance-development-center': 'src:gfdc-page-copy',
  'https://www.brasil247.com/mundo/china-assina-cooperacao-com-145-paises-para-a-construcao-conjunta-do-cinturao-e-rota': 'src:cri-2021-12-brasil247',
  'https://www.afpbb.com/articles/-/3385913': 'src:ndrc-xinhua-2022-01-18',
  'https://news.cgtn.com/news/3d3d414d32457a4d34457a6333566d54/share_amp.html': 'src:cgtn-2019-04-brf2-mous',
  'https://peoplesdaily.pdnews.cn/er/channel/1003/30001255297': 'src:peoples-daily-bri-explainer',
  'http://portuguese.people.cn/n3/2023/1215/c309806-20110639.html': 'src:peoples-daily-pt-2023-12-15',
  'https://news.creaders.net/world/2018/07/22/1975892.html': 'src:creaders-2018-07-22',
  'http://au.china-mission.gov.cn/eng/fzdt_1/': CORE_SOURCES.stDailyHungary,
  // Science-and-technology agreement sources: kept out of this file; core.json cites them on the agreement edges.
  'http://kjt.hunan.gov.cn/kjt/xxgk/gzdt/kjzx/201310/t20131031_2253428.html': null,
  'https://wallstreetcn.com/livenews/2723324': null,
  'https://en.most.gov.cn/announcementboard/200506/t20050601_22091.htm': null,
  'http://www.zackdenfeld.com/2021/09/12/belt-and-road-cooperation-agreements/': null,
  'https://www.plataformamedia.com/2021/12/10/laboratorio-sino-portugues-junta-se-a-iniciativa-uma-faixa-uma-rota/': null,
};

// ---------------------------------------------------------------------------------------------------------------
// Per-country remarks (paraphrased from the CSV source column)

interface Annotation {
  /** One or two sentences added to the generated description. */
  description?: string;
  /** Short sourced remarks kept as a node property. */
  notes?: string[];
  exited?: string;
  /** Joining dates (YYYY-MM) given by other sources than GFDC, kept next to the GFDC date; the notes say which source. */
  joinedOtherDates?: string[];
  role?: string;
  /** Extra source ids (beyond those whose URL appears in the row). */
  sources?: string[];
  /** Sources that support the PARTNER_OF edge itself (beyond GFDC). */
  edgeSources?: string[];
  aliases?: { en?: string[]; ru?: string[]; zh?: string[] };
  /** Aliases from the name package that are dropped, because another country has them too ("Congo"). */
  dropAliases?: string[];
  /** A joining date (YYYY-MM or YYYY-MM-DD) from another source that replaces GFDC's; the GFDC value stays as gfdcMouDate. */
  joinedFrom?: { date: string; sources: string[] };
  /** Set when the row's remark is only about S&T agreements (covered in core.json). */
  stOnly?: true;
  /**
   * Partner status from other sources where the GFDC list calls the signing unclear: the country becomes a partner
   * (with a PARTNER_OF edge citing these sources, not GFDC), and the edge says GFDC's status was unclear.
   */
  partnerFrom?: { sources: string[] };
  /** The date of a Belt and Road document that is not a joining MoU (a joint statement): kept as briDocumentDate. */
  documentDate?: string;
  /** Set where a partner has no joining date but a source dated before the article calls it a partner. */
  partnerWhenArticlePublished?: boolean;
}

/**
 * Full names where i18n-iso-countries gives only an abbreviation or a short form; the package's form stays an alias.
 * Each comes with the source it was read from.
 */
const FULL_NAMES: Record<string, { ru?: string; zh?: string; sources: string[] }> = {
  IDN: { zh: '印度尼西亚', sources: ['src:cldr-48-territories'] },
  BIH: { zh: '波斯尼亚和黑塞哥维那', sources: ['src:cldr-48-territories'] },
  ARE: { zh: '阿拉伯联合酋长国', ru: 'Объединенные Арабские Эмираты', sources: ['src:cldr-48-territories', 'src:businessemirates-2021-06-14'] },
  CAF: { zh: '中非共和国', ru: 'Центрально-Африканская Республика', sources: ['src:cldr-48-territories'] },
  ZAF: { ru: 'Южно-Африканская Республика', sources: ['src:cldr-48-territories'] },
  COD: { zh: '刚果民主共和国', sources: ['src:cldr-48-territories'] },
  COG: { zh: '刚果共和国', sources: ['src:cldr-48-territories'] },
  DOM: { zh: '多米尼加共和国', sources: ['src:cldr-48-territories'] },
  KGZ: { ru: 'Кыргызстан', sources: ['src:kyrgyz-constitution-ru'] },
  TKM: { ru: 'Туркменистан', sources: ['src:cldr-48-territories'] },
  MDA: { ru: 'Молдова', sources: ['src:cldr-48-territories'] },
};

/** The date the seed article appeared; a country that joined later was not yet a partner then. */
const ARTICLE_DATE = '2023-11-22';

const ANNOTATIONS: Record<string, Annotation> = {
  AFG: {
    joinedFrom: { date: '2016-05', sources: ['src:recca-afghanistan-bri'] },
    description: 'Its foreign minister signed a Belt and Road memorandum of understanding with China in May 2016, during Chief '
      + 'Executive Abdullah Abdullah\'s visit (RECCA); the GFDC list gives May 2023 instead.',
    notes: ['MoU signed in May 2016 (RECCA); GFDC gives 2023-05'],
  },
  JOR: {
    joinedFrom: { date: '2023-11-29', sources: ['src:xinhua-ar-2023-12-15-jordan'] },
    description: 'It signed its Belt and Road memorandum of understanding on 29 November 2023 (Xinhua), a week after the seed '
      + 'article appeared, so it was not yet a partner then; GFDC dates it 2 December 2023.',
    notes: ['MoU signed on 29 November 2023 (Xinhua), after the 22 November 2023 article'],
  },
  COD: { dropAliases: ['Congo'], aliases: { en: ['Congo - Kinshasa', 'Congo (DRC)'] }, sources: ['src:cldr-48-territories'] },
  CHN: {
    role: 'initiator',
    description: 'It proposed the initiative in 2013, the year the GFDC list gives for it, and hosted the first Belt and Road '
      + 'Conference on Science and Technology Exchange in November 2023.',
    sources: [CORE_SOURCES.article],
    aliases: { ru: ['Китай', 'КНР'] },
  },
  AUT: {
    partnerFrom: { sources: ['src:cctv-2018-04-austria', 'src:cri-de-2019-04-27-austria'] },
    joinedFrom: { date: '2018-04-08', sources: ['src:cctv-2018-04-austria', 'src:mfa-es-2018-04-10-austria'] },
    description: 'Presidents Xi Jinping and Van der Bellen witnessed the signing of a Belt and Road cooperation document at '
      + 'their talks in Beijing on 8 April 2018 (CCTV; foreign ministry), and China\'s ambassador wrote in April 2019 that '
      + 'the two sides had signed such a document (CRI). GFDC found no confirmed full memorandum of understanding; what kind '
      + 'of document it is was not found.',
    notes: [
      'Belt and Road cooperation document signed at the Xi-Van der Bellen talks of 8 April 2018 (CCTV; MFA)',
      'China\'s ambassador Li Xiaosi (April 2019): the two sides have signed a corresponding cooperation document (CRI)',
      'GFDC: no confirmed full Belt and Road MoU (signing "unclear")',
    ],
    sources: ['src:gfdc-page-copy'],
  },
  BRB: {
    description: 'CGTN also lists an MoU signed at the 2nd Belt and Road Forum in April 2019.',
    notes: ['MoU at the 2nd Belt and Road Forum, April 2019 (CGTN)'],
    edgeSources: ['src:cgtn-2019-04-brf2-mous'],
  },
  BGR: { stOnly: true },
  BFA: {
    description: 'China Radio International reported in December 2021 that it had recently signed Belt and Road cooperation '
      + 'documents; it is missing from the GFDC list copy, so no joining year is recorded.',
    notes: ['Not in the GFDC list copy', 'Recently signed BRI cooperation documents, per CRI (December 2021)'],
    edgeSources: ['src:cri-2021-12-brasil247'],
  },
  CAF: {
    notes: ['Recently signed BRI cooperation documents, per CRI (December 2021)'],
    edgeSources: ['src:cri-2021-12-brasil247'],
  },
  COL: {
    description: 'It joined in May 2025, so it was not yet a partner when the seed article appeared in November 2023.',
    notes: ['Joined in 2025, after the November 2023 conference'],
  },
  COG: {
    dropAliases: ['Congo'],
    aliases: { en: ['Congo - Brazzaville', 'Congo (Republic)'] },
    sources: ['src:cldr-48-territories', 'src:govcn-2018-09-06-congo', 'src:matinlibre-congo-bri'],
    partnerFrom: { sources: ['src:cri-sw-2023-10-20-congo'] },
    partnerWhenArticlePublished: true,
    description: 'Xi Jinping called it a partner and important ally in building the Belt and Road when he met President '
      + 'Sassou Nguesso on 19 October 2023 (CRI). When and how it signed was not found: the GFDC list copy gives no date, Xi '
      + 'welcomed it to join the Belt and Road in September 2018 (gov.cn), and a Congolese newspaper writes that it joined in 2016.',
    notes: [
      'Called a partner in building the Belt and Road by Xi Jinping, 19 October 2023 (CRI)',
      'Xi welcomed it to join the Belt and Road construction, 5 September 2018 (gov.cn)',
      'Joined "dès 2016", per the Congolese newspaper Matin Libre (not confirmed by an official source)',
      'No MoU date in the GFDC list copy',
    ],
  },
  CUB: {
    notes: ['NDRC (January 2022) also named Cuba among countries signing BRI cooperation documents since December 2021, probably a cooperation plan'],
    edgeSources: ['src:ndrc-xinhua-2022-01-18'],
  },
  CYP: {
    notes: ['MoU at the 2nd Belt and Road Forum, April 2019 (CGTN)'],
    edgeSources: ['src:cgtn-2019-04-brf2-mous'],
  },
  SLV: { stOnly: true },
  GNQ: {
    notes: ['MoU signed at or just before the 2nd Belt and Road Forum, April 2019 (CGTN)'],
    edgeSources: ['src:cgtn-2019-04-brf2-mous'],
  },
  ERI: {
    notes: ['Recently signed BRI cooperation documents, per CRI (December 2021)'],
    edgeSources: ['src:cri-2021-12-brasil247'],
  },
  GNB: {
    notes: ['Recently signed BRI cooperation documents, per CRI (December 2021)'],
    edgeSources: ['src:cri-2021-12-brasil247'],
  },
  HND: {
    joinedFrom: { date: '2023-06-12', sources: ['src:xinhua-2023-06-13-honduras', 'src:brnn-de-2023-06-14-honduras'] },
    description: 'The two governments signed the Belt and Road memorandum of understanding on 12 June 2023, during President '
      + 'Xiomara Castro\'s state visit, and the NDRC announced it the next day (Xinhua; Belt and Road News Network); GFDC '
      + 'gives 18 October 2023 instead.',
    notes: [
      'MoU signed on 12 June 2023, announced by the NDRC on 13 June (Xinhua; Belt and Road News Network); GFDC gives 2023-10-18',
      'NDRC (December 2023) named Honduras among countries signing cooperation documents after the 3rd Belt and Road Forum',
    ],
    edgeSources: ['src:peoples-daily-pt-2023-12-15'],
  },
  HUN: {
    description: "At the 2023 conference a Hungarian deputy speaker called Hungary the first EU country to join the initiative.",
    notes: ['Described at the BRST 2023 by a Hungarian deputy speaker as the first EU country to join the BRI (Science and Technology Daily)'],
    sources: [CORE_SOURCES.stDailyHungary],
  },
  ITA: {
    exited: '2023-12-06',
    description: "It signed on 23 March 2019 as the first G7 country and left on 6 December 2023, per GFDC's exit date.",
    notes: ['Signed the MoU on 23 March 2019, the first G7 country to do so (People\'s Daily)', 'Exit date 6 December 2023 (GFDC)'],
    edgeSources: ['src:peoples-daily-bri-explainer'],
  },
  JAM: {
    notes: ['MoU at the 2nd Belt and Road Forum, April 2019 (CGTN)'],
    edgeSources: ['src:cgtn-2019-04-brf2-mous'],
  },
  LAO: {
    // The joint-laboratory sources in core.json (Xinhua, 2018) write "Laos"; CLDR as packaged gives the long form only.
    aliases: { en: ['Laos'] },
    sources: ['src:xinhua-2018-04-12-china-asean'],
    stOnly: true,
  },
  LVA: { stOnly: true },
  LBR: {
    notes: ['MoU at the 2nd Belt and Road Forum, April 2019 (CGTN)'],
    edgeSources: ['src:cgtn-2019-04-brf2-mous'],
  },
  LUX: {
    notes: ['MoU signed on 27 March 2019 (People\'s Daily)'],
    edgeSources: ['src:peoples-daily-bri-explainer'],
  },
  MAR: {
    notes: ['NDRC (January 2022) also named Morocco among countries signing BRI cooperation documents since December 2021'],
    edgeSources: ['src:ndrc-xinhua-2022-01-18'],
  },
  NIC: {
    notes: ['Signing confirmed by NDRC (January 2022)'],
    edgeSources: ['src:ndrc-xinhua-2022-01-18'],
  },
  NER: {
    description: 'No source read names a Belt and Road document signed by Niger: at the talks of 28 May 2019 Presidents Xi and Issoufou spoke of jointly building '
      + 'the Belt and Road and witnessed the signing of cooperation documents that Xinhua does not name.',
    notes: [
      'GFDC: MoU signing not independently confirmed ("unclear")',
      'May 2019: Issoufou said Niger wished to take an active part in jointly building the Belt and Road; the cooperation documents signed then are not named (Xinhua)',
    ],
    sources: ['src:gfdc-page-copy', 'src:xinhua-jp-2019-05-29-niger'],
  },
  PSE: {
    description: "The GFDC page notes that the official Belt and Road Portal counts Palestine among the signatories; the GFDC "
      + 'list copy has no row for it, so no joining year is recorded.',
    notes: ['Not in the GFDC list copy', 'Counted among MoU signatories by the Belt and Road Portal (yidaiyilu.gov.cn), as quoted on the GFDC page'],
  },
  PAN: {
    exited: '2025-02-04',
    description: "It left the initiative on 4 February 2025, per GFDC's exit date.",
    notes: ['Exit date 4 February 2025 (GFDC)'],
    stOnly: true,
  },
  PER: {
    notes: ['MoU at the 2nd Belt and Road Forum, April 2019 (CGTN)'],
    edgeSources: ['src:cgtn-2019-04-brf2-mous'],
  },
  PRT: { stOnly: true },
  RUS: {
    partnerFrom: { sources: ['src:yidaiyilu-cn-ru-2015-joint-statement', 'src:xinhua-2015-05-08-cn-ru'] },
    documentDate: '2015-05-08',
    description: 'Its Belt and Road document is the joint statement of 8 May 2015 on aligning the Silk Road Economic Belt '
      + 'with the Eurasian Economic Union, in which Russia supports the Belt and says it will work closely with China to '
      + 'implement it; the official Belt and Road Portal files it among its bilateral documents. No memorandum of '
      + 'understanding was found, so no joining year is recorded.',
    notes: [
      'Joint statement on aligning the Silk Road Economic Belt with the Eurasian Economic Union, Moscow, 8 May 2015 (Belt and Road Portal; Xinhua)',
      'GFDC: MoU signing not independently confirmed ("unclear")',
    ],
    sources: ['src:gfdc-page-copy'],
  },
  STP: {
    description: 'NDRC said in January 2022 that it had signed Belt and Road cooperation documents since December 2021 (CRI '
      + 'reported the same); it is missing from the GFDC list copy, so no joining year is recorded.',
    notes: ['Not in the GFDC list copy', 'Signed BRI cooperation documents around December 2021, per NDRC (January 2022) and CRI (December 2021)'],
    edgeSources: ['src:ndrc-xinhua-2022-01-18', 'src:cri-2021-12-brasil247'],
  },
  SEN: {
    notes: ['First West African country to sign (July 2018)'],
    edgeSources: ['src:creaders-2018-07-22'],
  },
  SYR: {
    notes: ['Signing confirmed by NDRC (January 2022)'],
    edgeSources: ['src:ndrc-xinhua-2022-01-18'],
  },
  TZA: { stOnly: true },
  // The CSV also cites a CNR report (22 Apr 2019) for Trinidad and Tobago's signing on 14 May 2018, but without any URL,
  // so that remark cannot carry a source and is left out; the GFDC year (2018) stands on its own.
  TTO: {},
  ARE: { stOnly: true },
  YEM: {
    joinedOtherDates: ['2019-04'],
    description: 'Sources disagree on the date: GFDC gives November 2017, while CGTN lists an MoU signed at the 2nd Belt and '
      + 'Road Forum in April 2019.',
    notes: ['GFDC date 2017-11; CGTN lists an MoU at the 2nd Belt and Road Forum (April 2019)'],
    edgeSources: ['src:cgtn-2019-04-brf2-mous'],
  },
};

/** English display names for the World-Bank-style inverted forms of the list; the list's own form stays an alias. */
const DISPLAY_EN: Record<string, string> = {
  COD: 'Democratic Republic of the Congo',
  COG: 'Republic of the Congo',
  GMB: 'The Gambia',
  KOR: 'South Korea',
  FSM: 'Federated States of Micronesia',
  // "Lao PDR" abbreviates the full name, which the name package gives too.
  LAO: "Lao People's Democratic Republic",
};

// ---------------------------------------------------------------------------------------------------------------
// Building

const unique = (items: string[]) => [...new Set(items.filter((item) => item.trim() !== ''))];

function cldrNames(iso3: string, lang: 'en' | 'ru' | 'zh'): string[] {
  const alpha2 = countries.alpha3ToAlpha2(iso3);
  if (!alpha2) throw new Error(`${iso3}: not an ISO 3166-1 alpha-3 code known to i18n-iso-countries`);
  const names = countries.getName(alpha2, lang, { select: 'all' }) ?? [];
  if (names.length === 0) throw new Error(`${iso3}: no ${lang} name in i18n-iso-countries`);
  // "КНР (Китайская Народная Республика)" -> the full form as name, the abbreviation as alias.
  return names.flatMap((name) => {
    const match = /^(.+?) \((.+)\)$/.exec(name);
    return match?.[1] && match[2] ? [match[2], match[1]] : [name];
  });
}

/** The remark part of a CSV source cell (what follows the standard GFDC text), or the whole cell if it is not a GFDC row. */
function remarkOf(row: CountryRow): { inGfdc: boolean; remark: string } {
  if (row.source.startsWith(GFDC_PREFIX)) return { inGfdc: true, remark: row.source.slice(GFDC_PREFIX.length).replace(/^;\s*/, '').trim() };
  return { inGfdc: false, remark: row.source };
}

function urlsIn(text: string): string[] {
  return (text.match(/https?:\/\/[^\s;,)]+/g) ?? []).map((url) => url.replace(/[.]+$/, ''));
}

function sourcesForUrls(row: CountryRow): string[] {
  return urlsIn(row.source).flatMap((url) => {
    if (!(url in URL_SOURCES)) throw new Error(`${row.iso3}: URL ${url} in the CSV has no source mapping in build-countries.ts`);
    const id = URL_SOURCES[url];
    return id ? [id] : [];
  });
}

/** How the joining date of a row is known: from another source, from GFDC, or not at all (a placeholder). */
interface Joining {
  year?: number;
  /** YYYY-MM-DD, or YYYY-MM when only the month is known. */
  date?: string;
  /** GFDC's date as the list gives it, kept even where another source or the placeholder rule overrides it. */
  gfdcDate?: string;
  placeholder: boolean;
  sources: string[];
}

/** GFDC writes a month-only date as the first of the month (2018-09-01); that is read as YYYY-MM. */
const gfdcPrecision = (date: string) => (date.endsWith('-01') ? date.slice(0, 7) : date);

function joiningOf(row: CountryRow, note: Annotation, placeholderDate: string | undefined): Joining {
  const gfdcDate = row.gfdcMou ? gfdcPrecision(row.gfdcMou) : undefined;
  if (note.joinedFrom) {
    return { year: Number(note.joinedFrom.date.slice(0, 4)), date: note.joinedFrom.date, gfdcDate, placeholder: false, sources: note.joinedFrom.sources };
  }
  // The initiator did not join by signing an MoU with itself: only the year is kept for it.
  if (note.role === 'initiator') return { year: row.briJoined, gfdcDate, placeholder: false, sources: [] };
  if (row.gfdcMou !== undefined && row.gfdcMou === placeholderDate) return { gfdcDate, placeholder: true, sources: [] };
  return { year: row.briJoined, date: gfdcDate, gfdcDate, placeholder: false, sources: [] };
}

/** The partner status of a row: the GFDC list's, unless other sources settle a status GFDC calls unclear. */
const statusOf = (row: CountryRow, note: Annotation): CountryRow['briPartner'] => (note.partnerFrom ? 'yes' : row.briPartner);

function describe(row: CountryRow, name: string, inGfdc: boolean, note: Annotation, joining: Joining): string {
  let first: string;
  if (note.partnerFrom) {
    first = `${name} is counted as a Belt and Road partner on the strength of Chinese official sources, although the GFDC list `
      + 'calls its signing unclear.';
  } else if (row.briPartner === 'unknown') {
    first = `Whether ${name} signed a Belt and Road MoU is unclear in the GFDC list.`;
  } else if (note.role === 'initiator') {
    first = `${name} is the initiator of the Belt and Road Initiative.`;
  } else if (joining.placeholder) {
    first = `Belt and Road partner (GFDC list). GFDC dates it 1 December 2013, the date it also gives China itself, so the `
      + 'date reads as a placeholder and no joining year is recorded.';
  } else if (note.exited && joining.year) {
    first = `Former Belt and Road partner: ${name} joined in ${joining.year} (GFDC list).`;
  } else if (joining.year && note.joinedFrom) {
    first = `Belt and Road partner since ${joining.year}.`;
  } else if (joining.year && inGfdc) {
    first = `Belt and Road partner since ${joining.year}, going by the MoU date in the GFDC list.`;
  } else {
    first = `${name} is counted as a Belt and Road partner.`;
  }
  return [first, note.description].filter(Boolean).join(' ');
}

/** Names in one language: the full name first where FULL_NAMES has one, minus aliases dropped as ambiguous. */
function namesIn(lang: 'en' | 'ru' | 'zh', row: CountryRow, note: Annotation): string[] {
  const full = lang === 'en' ? undefined : FULL_NAMES[row.iso3]?.[lang];
  const base = lang === 'en' ? [DISPLAY_EN[row.iso3] ?? row.nameEn, row.nameEn, ...cldrNames(row.iso3, 'en')] : cldrNames(row.iso3, lang);
  const dropped = new Set(note.dropAliases ?? []);
  return unique([...(full ? [full] : []), ...base, ...(note.aliases?.[lang] ?? [])]).filter((name) => !dropped.has(name));
}

export function buildCountries(rows: CountryRow[]): SeedFile {
  const nodes: SeedNode[] = [];
  const relationships: SeedRelationship[] = [];
  const seen = new Set<string>();
  const placeholderDate = rows.find((row) => row.iso3 === 'CHN')?.gfdcMou;
  for (const row of rows) {
    if (seen.has(row.iso3)) throw new Error(`${row.iso3}: duplicate row`);
    seen.add(row.iso3);
    const note = ANNOTATIONS[row.iso3] ?? {};
    const { inGfdc, remark } = remarkOf(row);
    if (remark && !(row.iso3 in ANNOTATIONS)) throw new Error(`${row.iso3}: the CSV remark "${remark}" is not covered by ANNOTATIONS`);
    const urlSources = sourcesForUrls(row);
    if (!inGfdc && urlSources.length === 0) throw new Error(`${row.iso3}: not a GFDC row and no source URL`);
    const joining = joiningOf(row, note, placeholderDate);

    const [nameEn = row.nameEn, ...aliasEn] = namesIn('en', row, note);
    const [nameRu, ...aliasRu] = namesIn('ru', row, note);
    const [nameZh, ...aliasZh] = namesIn('zh', row, note);

    const listSources = unique([...(inGfdc ? ['src:gfdc-bri-countries'] : []), ...urlSources]);
    const status = statusOf(row, note);
    const properties: SeedNode['properties'] = { iso3: row.iso3, briPartner: status, inGfdcList: inGfdc };
    if (note.partnerFrom) properties.gfdcStatus = 'unclear';
    if (joining.year !== undefined) properties.joinedBri = joining.year;
    if (joining.date !== undefined) properties.joinedBriDate = joining.date;
    if (joining.gfdcDate !== undefined) properties.gfdcMouDate = joining.gfdcDate;
    if (joining.placeholder) properties.gfdcDateIsPlaceholder = true;
    if (note.documentDate) properties.briDocumentDate = note.documentDate;
    const partnerSince = joining.date ?? note.documentDate;
    if (status === 'yes' && partnerSince !== undefined && note.role !== 'initiator') {
      properties.partnerWhenArticlePublished = partnerSince.slice(0, ARTICLE_DATE.length) <= ARTICLE_DATE && !(note.exited && note.exited < ARTICLE_DATE);
    } else if (note.partnerWhenArticlePublished !== undefined) {
      properties.partnerWhenArticlePublished = note.partnerWhenArticlePublished;
    }
    if (note.exited) properties.exitedBri = note.exited;
    if (note.role) properties.briRole = note.role;
    if (note.joinedOtherDates) properties.joinedBriOtherDates = note.joinedOtherDates;
    if (note.notes?.length) properties.notes = note.notes;

    const aliases: SeedNode['aliases'] = {};
    if (aliasEn.length) aliases.en = aliasEn;
    if (aliasRu.length) aliases.ru = aliasRu;
    if (aliasZh.length) aliases.zh = aliasZh;

    nodes.push({
      id: `country:${row.iso3}`,
      type: 'Country',
      names: { en: nameEn, ...(nameRu ? { ru: nameRu } : {}), ...(nameZh ? { zh: nameZh } : {}) },
      aliases,
      description: describe(row, nameEn, inGfdc, note, joining),
      properties,
      sources: unique([...listSources, ...(note.partnerFrom?.sources ?? []), ...joining.sources, ...(note.edgeSources ?? []),
        ...(note.sources ?? []), 'src:unicode-cldr-country-names', ...(FULL_NAMES[row.iso3]?.sources ?? [])]),
    });

    if (status === 'yes') {
      const edge: SeedRelationship['properties'] = { inGfdcList: inGfdc };
      if (note.partnerFrom) edge.gfdcStatus = 'unclear';
      if (joining.year !== undefined) edge.joined = joining.year;
      if (joining.date !== undefined) edge.joinedDate = joining.date;
      if (note.documentDate) edge.documentDate = note.documentDate;
      if (joining.placeholder) edge.gfdcDateIsPlaceholder = true;
      if (note.exited) edge.exited = note.exited;
      if (note.role) edge.role = note.role;
      if (note.joinedOtherDates) edge.joinedOtherDates = note.joinedOtherDates;
      relationships.push({
        from: `country:${row.iso3}`,
        type: 'PARTNER_OF',
        to: 'initiative:bri',
        properties: edge,
        // Where GFDC calls the signing unclear, the list does not support the edge: only the sources that settle it do.
        sources: unique([...(note.partnerFrom ? note.partnerFrom.sources : listSources), ...joining.sources, ...(note.edgeSources ?? [])]),
      });
    }
  }
  for (const iso3 of Object.keys(ANNOTATIONS)) if (!seen.has(iso3)) throw new Error(`ANNOTATIONS has ${iso3}, which is not in the CSV`);
  for (const iso3 of Object.keys(FULL_NAMES)) if (!seen.has(iso3)) throw new Error(`FULL_NAMES has ${iso3}, which is not in the CSV`);

  const used = new Set([...nodes, ...relationships].flatMap((record) => record.sources));
  return {
    $comment: 'Generated by graph-seed/tools/build-countries.ts from graph-seed/tools/countries.csv - do not edit by hand. '
      + 'Belt and Road partner status and joining dates: GFDC list (third-party copy) plus the sources named per country; '
      + 'names in Russian and Chinese: i18n-iso-countries, with full names from CLDR 48 and the other sources named per '
      + 'country where it gives only an abbreviation. Intergovernmental S&T agreements are in core.json.',
    sources: SOURCES.filter((source) => used.has(source.id)),
    nodes,
    relationships,
  };
}

function main(): void {
  const [csvArg, outArg] = process.argv.slice(2);
  const csvPath = csvArg ?? path.join(__dirname, 'countries.csv');
  const out = path.resolve(outArg ?? path.join(__dirname, '..', 'data', 'countries.json'));
  const file = buildCountries(readRows(path.resolve(csvPath)));
  writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`);
  console.log(`wrote ${out}: ${file.nodes.length} countries, ${file.relationships.length} PARTNER_OF edges, ${file.sources.length} sources`);
}

if (require.main === module) main();
