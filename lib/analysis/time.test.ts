import { describe, expect, it } from 'vitest';
import { DATE_PROPERTIES, YEAR_PROPERTIES } from '../../graph-seed/schema';
import { dateText, isDateKey, SEED_TIME_KEYS, SEED_TIME_LEFT_OUT, spanYears, timeOf, timeRole } from './time';

describe('reading dates from properties', () => {
  it('keeps the precision the data has, and rejects what is not a date', () => {
    expect(dateText('date', '2023-11-06')).toBe('2023-11-06');
    expect(dateText('asOf', '2023-06')).toBe('2023-06');
    expect(dateText('joinedBri', 2013)).toBe('2013');
    expect(dateText('createdAt', '2023-11-06T10:15:00Z')).toBe('2023-11-06');
    expect(dateText('when', '2024-01-02T03:04:05.000000000+01:00[Europe/Paris]')).toBe('2024-01-02');
    for (const bad of ['2023-13', '2023-02-40', 'November 2023', '23-11-06', '', 'unknown']) expect(dateText('date', bad)).toBeNull();
    // A bare number is a year only where the key says so.
    expect(dateText('population', 2000)).toBeNull();
    expect(dateText('foundingYear', 1998)).toBe('1998');
    expect(dateText('foundingYear', 98)).toBeNull();
    expect(dateText('born', 1964)).toBe('1964');
    expect(dateText('birthyear', 1964)).toBe('1964');
    expect(dateText('date', true)).toBeNull();
  });

  it('knows date-named keys word by word, so a legend or a reason is not a date', () => {
    for (const key of ['date', 'startDate', 'end_date', 'validFrom', 'validTo', 'createdAt', 'statedOn', 'asOf', 'foundingYear', 'since']) expect(isDateKey(key)).toBe(true);
    for (const key of ['legend', 'reason', 'description', 'attendance', 'name', 'on', 'location', 'strategy']) expect(isDateKey(key)).toBe(false);
    expect(timeRole('validTo')).toBe('end');
    expect(timeRole('attendanceDate')).toBe('point');
    expect(timeRole('founded')).toBe('since');
    expect(timeRole('startTime')).toBe('start');
  });
});

describe('the time of an entity or relationship', () => {
  it('spans an event from its start to its end date', () => {
    expect(timeOf([['startDate', '2023-11-06'], ['endDate', '2023-11-07'], ['date', '2023-11-06']]))
      .toEqual({ time: '2023-11-06/2023-11-07', timeKey: 'startDate/endDate' });
  });

  it('keeps a partnership in force from the year it began, until it ended', () => {
    expect(timeOf([['joinedBriDate', '2016-05'], ['joinedBri', 2016]])).toEqual({ time: '2016-05/..', timeKey: 'joinedBriDate' });
    expect(timeOf([['joined', 2017], ['exited', '2023-12-06']])).toEqual({ time: '2017/2023-12-06', timeKey: 'joined/exited' });
  });

  it('dates a claim by what it is "as of", and a list of dates by its first and last', () => {
    expect(timeOf([['statedOn', '2023-10-30'], ['asOf', '2023-06']])).toEqual({ time: '2023-06', timeKey: 'asOf' });
    expect(timeOf([['releasedOn', ['2023-11-07', '2023-11-06']]])).toEqual({ time: '2023-11-06/2023-11-07', timeKey: 'releasedOn' });
  });

  it('never guesses: nothing date-like is undated, an end before the start is dropped, an end alone is "until"', () => {
    expect(timeOf([])).toBeNull();
    expect(timeOf([['date', 'soon'], ['year', 'unknown']])).toBeNull();
    expect(timeOf([['startDate', '2020-01'], ['endDate', '2019-05']])).toEqual({ time: '2020-01', timeKey: 'startDate' });
    expect(timeOf([['until', '2023-10-24']])).toEqual({ time: '../2023-10-24', timeKey: 'until' });
  });

  it('turns spans into years, open ends infinite', () => {
    expect(spanYears('2023-11-06/2023-11-07')).toEqual({ from: 2023, to: 2023 });
    expect(spanYears('2016-05/..')).toEqual({ from: 2016, to: Infinity });
    expect(spanYears('../2023')).toEqual({ from: -Infinity, to: 2023 });
    expect(spanYears('2013')).toEqual({ from: 2013, to: 2013 });
    expect(spanYears('../..')).toBeNull();
    expect(spanYears('garbage')).toBeNull();
  });
});

describe('the seed\'s date properties', () => {
  it('are each either used to place things in time or left out for a stated reason', () => {
    const declared = [...DATE_PROPERTIES, ...YEAR_PROPERTIES].sort();
    const used = SEED_TIME_KEYS.map(([key]) => key);
    expect(declared.filter((key) => !used.includes(key) && !(key in SEED_TIME_LEFT_OUT))).toEqual([]);
    expect(used.filter((key) => !declared.includes(key))).toEqual([]);
    expect(used.filter((key) => key in SEED_TIME_LEFT_OUT)).toEqual([]);
  });
});
