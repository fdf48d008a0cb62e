import { renderToStaticMarkup } from 'react-dom/server';
import { IntlProvider } from 'use-intl';
import { describe, expect, it } from 'vitest';
import type { Claim } from '@/lib/graph/claims';
import { messagesFor } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/locales';
import { ClaimList, EvidenceLine } from './evidence-line';

const claims: Claim[] = [
  { property: 'joinedDate', value: '2017-11-17', rank: 'preferred', why: 'the signing date', sources: ['src:mfa', 'src:xinhua'], evidence: 'corroborated', independent: 2, publishers: ['MFA', 'Xinhua'] },
  { property: 'joinedDate', value: '2017-12-01', rank: 'normal', sources: ['src:paper'], evidence: 'single', independent: 1, publishers: ['Some Paper'] },
  { property: 'joinedDate', value: '2018', rank: 'deprecated', why: 'a typo in the copy', sources: ['src:copy'], evidence: 'weak', independent: 0, publishers: ['Mirror'] },
];

const render = (node: React.ReactNode, locale: Locale = 'en') => renderToStaticMarkup(
  <IntlProvider locale={locale} messages={messagesFor(locale)} timeZone="UTC">{node}</IntlProvider>,
).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the details panel on evidence', () => {
  it('keeps every value sources give, the preferred first, with who says otherwise', () => {
    const text = render(<ClaimList claims={claims} />);
    expect(text).toContain('joinedDate: 2017-11-17');
    expect(text).toContain('2 independent sources agree');
    expect(text).toContain('1 disagrees: 2017-12-01 (Some Paper)');
    expect(text).toContain('set aside: 2018 (Mirror) Why: a typo in the copy');
    expect(render(<ClaimList claims={claims} />, 'ru')).toContain('1 источник расходится: 2017-12-01 (Some Paper)');
    expect(render(<ClaimList claims={undefined} />).trim()).toBe('');
  });

  it('says how strong a fact is, and nothing on a graph without grades', () => {
    const official = { id: 'src:mfa', publisher: 'MFA', title: 'T', date: null, url: 'https://www.mfa.gov.cn/a', reliability: 'official' as const };
    expect(render(<EvidenceLine grade="official" sources={[official]} />)).toContain('Evidence: official source');
    expect(render(<EvidenceLine grade="weak" sources={[]} />, 'zh')).toContain('仅有转载或未经核实的来源');
    expect(render(<EvidenceLine grade={undefined} sources={[official]} />).trim()).toBe('');
  });
});
