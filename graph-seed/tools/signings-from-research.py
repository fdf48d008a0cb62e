"""
Curates the partner-country research notes (graph-seed/data/research/*.jsonl) into two tables that
build-countries.ts reads: countries/signings.json (per country: the sources that say it signed, the
signing date the graph uses and why, other dates with their sources, an exit) and
countries/signing-sources.json (those sources, one per address). Rerunning it rebuilds both.

    python3 graph-seed/tools/signings-from-research.py

Rules (the same as graph-seed/data/README): the signing date the graph uses is the one a signing
report gives, graded by its source (a copy's date is weak evidence, but better than the list's
estimate); values that agree at a coarser precision (2018-09 and 2018-09-04) agree; a date that
the notes show belongs to another document is kept apart (NOT_THE_MOU).
"""
import hashlib, json, os, re, sys, unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
RESEARCH = os.path.join(ROOT, 'data', 'research')
RANK = {'official': 0, 'media': 1, 'copy': 2, 'low': 3}
# Dates the notes themselves show to be of another document than the Belt and Road cooperation document:
# (country, date) -> why. They are kept as other dates only where the document is a Belt and Road one.
NOT_THE_MOU = {
    ('MDV', '2014-12'): (False, 'the report does not name the document a Belt and Road memorandum'),
    ('SGP', '2018-04-08'): (False, 'a narrower memorandum on cooperation in third-country markets'),
    ('ARM', '2015-03-25'): (True, 'a ministry-level Silk Road Economic Belt memorandum'),
    ('GEO', '2015-03-09'): (True, 'a ministry-level Silk Road Economic Belt memorandum'),
}
DATE = re.compile(r'^\d{4}(-\d{2}(-\d{2})?)?$')

def slug(text, n=28):
    text = unicodedata.normalize('NFKD', text).encode('ascii', 'ignore').decode().lower()
    return re.sub(r'[^a-z0-9]+', '-', text).strip('-')[:n].strip('-') or 'source'

def rows():
    for name in sorted(os.listdir(RESEARCH)):
        if name.endswith('.jsonl'):
            for n, line in enumerate(open(os.path.join(RESEARCH, name), encoding='utf8'), 1):
                if line.strip():
                    row = json.loads(line)
                    row['_at'] = f'{name}:{n}'
                    yield row

sources = {}  # url -> source record
# Sources the data already has, by address: a finding read there cites the same id.
KNOWN = {}
for known_file in [os.path.join(ROOT, 'countries', 'sources.json'), os.path.join(ROOT, 'data', 'core.json')]:
    for known in json.load(open(known_file, encoding='utf8'))['sources']:
        KNOWN[known['url'].rstrip('/')] = (known['id'], known['reliability'])

def source_id(s):
    url = s.get('url') or s.get('seenAt')
    if not url or not re.match(r'^https?://', url):
        return None
    key = url.rstrip('/')
    if key in KNOWN:
        return KNOWN[key]
    if key in sources and s.get('url') and RANK.get(s.get('reliability'), 9) < RANK[sources[key]['reliability']]:
        # The same page rated by two notes: the better-founded rating (an official site is official).
        sources[key]['reliability'] = s['reliability']
    if key not in sources:
        date = s.get('date') if s.get('date') and DATE.match(str(s.get('date'))) else None
        digest = hashlib.sha1(key.encode()).hexdigest()[:6]
        rec = {
            'id': f"src:{slug(s.get('publisher') or 'source', 20)}-{date or 'undated'}-{digest}",
            'publisher': (s.get('publisher') or '').strip() or 'Unknown publisher',
            'title': (s.get('title') or '').strip() or f"{(s.get('publisher') or 'Report').strip()} report",
            'date': date,
            'url': s.get('url') or s.get('seenAt'),
            'reliability': s.get('reliability') if s.get('reliability') in RANK else 'copy',
        }
        # Without the original's address, what was read is the copy: it is rated as one.
        if not s.get('url'):
            rec['reliability'] = 'copy' if rec['reliability'] in ('official', 'media') else rec['reliability']
            rec['note'] = 'The original address was not found; this is the copy that was read.'
        elif s.get('seenAt') and s.get('seenAt') != s.get('url'):
            rec['seenAt'] = s['seenAt']
        sources[key] = rec
    return sources[key]['id'], sources[key]['reliability']

def agree(a, b):
    return a.startswith(b) or b.startswith(a)

def precision(d):
    return len(d)

by_country = defaultdict(lambda: {'membership': [], 'dates': [], 'exits': [], 'documents': []})
for r in rows():
    subject = str(r.get('subject', ''))
    if not subject.startswith('country:') or r['kind'] not in ('membership', 'joinDate', 'exit'):
        continue
    s = r.get('source') or {}
    ref = source_id(s)
    if ref is None:
        continue
    iso = subject.split(':', 1)[1]
    entry = by_country[iso]
    if r['kind'] == 'membership':
        entry['membership'].append(ref)
        # A page that says it of a whole group ("all 22 Arab states") supports each member without
        # naming it: the source says so, in its own words, wherever it is shown.
        if str(r.get('note') or '').startswith('Aggregate') and r.get('quote'):
            rec = next(x for x in sources.values() if x['id'] == ref[0])
            rec.setdefault('note', f'Says it of a group without naming each country: "{r["quote"].strip()}"')
    value = str(r.get('value') or '')
    if r['kind'] == 'joinDate' and DATE.match(value):
        entry['membership'].append(ref)
        other = NOT_THE_MOU.get((iso, value))
        if other is None:
            entry['dates'].append((value, ref))
        elif other[0]:
            entry['documents'].append({'date': value, 'sources': [ref[0]], 'what': other[1]})
    if r['kind'] == 'exit' and DATE.match(value):
        entry['exits'].append((value, ref))

def best(values):
    """The value to use: the most reliable source's, then the most precise; with every source that agrees."""
    ranked = sorted(values, key=lambda v: (RANK[v[1][1]], -precision(v[0])))
    top_value, (top_ref, top_rel) = ranked[0]
    # The most precise value among the agreeing ones of the best reliability.
    same = [v for v in values if agree(v[0], top_value)]
    value = max((v[0] for v in same if RANK[v[1][1]] <= RANK[top_rel]), key=precision)
    return value, top_rel, sorted({ref for _, (ref, _) in same})

out = {}
for iso, entry in sorted(by_country.items()):
    record = {}
    members = sorted({ref for ref, _ in entry['membership']})
    if members:
        record['signedSources'] = members
    if entry['dates']:
        value, rel, refs = best(entry['dates'])
        others = defaultdict(set)
        # A low-reliability source alone sets no date: its value is kept as another date.
        if rel != 'low':
            record['joined'] = {'date': value, 'sources': refs, 'reliable': rel in ('official', 'media')}
        for v, (ref, _) in entry['dates']:
            if rel == 'low' or not agree(v, value):
                others[v].add(ref)
        if others:
            record['otherDates'] = [{'date': v, 'sources': sorted(refs)} for v, refs in sorted(others.items())]
    if entry['documents']:
        record['otherDocuments'] = entry['documents']
    if entry['exits']:
        value, rel, refs = best(entry['exits'])
        record['exit'] = {'date': value, 'sources': refs}
    out[iso] = record

with open(os.path.join(ROOT, 'countries', 'signings.json'), 'w', encoding='utf8') as f:
    json.dump({'$comment': 'Generated by graph-seed/tools/signings-from-research.py from graph-seed/data/research/: per country, the sources that say it signed a Belt and Road cooperation document, the signing date they give (reliable: from an official or media source), other dates with their sources, and an exit.', 'signings': out}, f, ensure_ascii=False, indent=2)
    f.write('\n')
with open(os.path.join(ROOT, 'countries', 'signing-sources.json'), 'w', encoding='utf8') as f:
    json.dump({'$comment': 'Generated by graph-seed/tools/signings-from-research.py: the sources of signings.json, one per address.', 'sources': sorted(sources.values(), key=lambda s: s['id'])}, f, ensure_ascii=False, indent=2)
    f.write('\n')
print(f'{len(out)} countries, {len(sources)} sources', file=sys.stderr)
