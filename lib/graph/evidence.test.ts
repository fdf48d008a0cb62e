import { describe, expect, it } from 'vitest';
import { evidenceIndex, gradeEvidence, meetsGrade, publisherKey, type EvidenceSource } from './evidence';

const src = (id: string, publisher: string, reliability: EvidenceSource['reliability'], extra: Partial<EvidenceSource> = {}): EvidenceSource => ({
  id, publisher, reliability, url: `https://${id.slice(4)}.example/report`, ...extra,
});

const xinhua = src('src:xinhua', 'Xinhua', 'media');
const people = src('src:people', "People's Daily", 'media');
const ministry = src('src:most', 'Ministry of Science and Technology', 'official');
const grade = (sources: EvidenceSource[], refs = sources.map((s) => s.id)) => gradeEvidence(refs, evidenceIndex(sources));

describe('gradeEvidence', () => {
  it('an official source makes a fact official', () => {
    expect(grade([ministry, people]).grade).toBe('official');
  });

  it('two independent publishers corroborate; one alone is single', () => {
    expect(grade([xinhua, people])).toEqual({ grade: 'corroborated', independent: 2, publishers: ['Xinhua', "People's Daily"] });
    expect(grade([xinhua]).grade).toBe('single');
  });

  it('a repost of the same report is not independent, whichever way it is marked', () => {
    const carried = src('src:carried', "Xinhua (via People's Daily Online)", 'media');
    expect(grade([xinhua, carried])).toMatchObject({ grade: 'single', independent: 1 });
    const byCopyOf = src('src:translation', 'Some Russian portal', 'media', { copyOf: 'src:xinhua' });
    expect(grade([xinhua, byCopyOf])).toMatchObject({ grade: 'single', independent: 1 });
    const bySeenAt = src('src:mirror', 'Regional portal', 'media', { seenAt: xinhua.url });
    expect(grade([xinhua, bySeenAt]).grade).toBe('single');
    const byNote = src('src:relay', 'Relay site', 'media', { note: `Relays ${xinhua.url} word for word.` });
    expect(grade([xinhua, byNote]).grade).toBe('single');
    // Once the copy is gone, the other publisher is a second witness again.
    expect(grade([xinhua, src('src:relay', 'Relay site', 'media')]).grade).toBe('corroborated');
  });

  it('a mirror rated as a copy gives weak, however many there are', () => {
    const mirror = src('src:mirror', 'Mirror site', 'copy', { seenAt: 'https://mirror.example/x' });
    const spam = src('src:spam', 'Spun copy', 'low');
    expect(grade([mirror]).grade).toBe('weak');
    expect(grade([mirror, spam]).grade).toBe('weak');
    expect(grade([mirror, xinhua]).grade).toBe('single');
  });

  it('a fact without a known source has none', () => {
    expect(grade([xinhua], []).grade).toBe('none');
    expect(grade([xinhua], ['src:unknown']).grade).toBe('none');
  });

  it('a copy chain that loops still ends', () => {
    const a = src('src:a', 'A', 'media', { copyOf: 'src:b' });
    const b = src('src:b', 'B', 'media', { copyOf: 'src:a' });
    expect(['single', 'corroborated']).toContain(grade([a, b]).grade);
  });
});

describe('publisherKey and meetsGrade', () => {
  it('names the original publisher, not the carrier', () => {
    expect(publisherKey("Xinhua (via People's Daily Online)")).toBe('xinhua');
    expect(publisherKey("Xinhua via People's Daily Online")).toBe('xinhua');
    expect(publisherKey('Central People\'s Government of the PRC (gov.cn), via MarketScreener')).toBe("central people's government of the prc");
  });

  it('orders grades strongest first', () => {
    expect(meetsGrade('official', 'single')).toBe(true);
    expect(meetsGrade('single', 'single')).toBe(true);
    expect(meetsGrade('weak', 'single')).toBe(false);
    expect(meetsGrade('none', 'weak')).toBe(false);
  });
});
