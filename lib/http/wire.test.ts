import { describe, expect, it } from 'vitest';
import { acceptsGzip } from './wire';

describe('acceptsGzip (what the front door and the desk compress for)', () => {
  it('takes gzip when the client lists it, x-gzip or * with a weight above 0', () => {
    for (const header of ['gzip', 'gzip, deflate, br', 'br;q=1.0, gzip;q=0.8', 'x-gzip', '*', 'identity, *;q=0.5', 'GZIP']) {
      expect(acceptsGzip(header), header).toBe(true);
    }
  });

  it('not when the client refuses it, names only others, or sends nothing', () => {
    for (const header of [null, '', 'identity', 'br, deflate', 'gzip;q=0', 'gzip;q=0.000, identity', '*;q=0', 'gzip;q=0, *', 'gzip;q=abc', 'gzipx']) {
      expect(acceptsGzip(header), String(header)).toBe(false);
    }
  });
});
