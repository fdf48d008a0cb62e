import { describe, expect, it } from 'vitest';
import { textWidth } from '../draw/preview-svg';
import { fitSubtitle, fitTitle, PREVIEW_WIDTH } from './tasks';
import { shippedStory } from '../stories';

describe('the share image title', () => {
  it('stays on one line: long titles are drawn smaller, and what still does not fit ends in an ellipsis', () => {
    const short = fitTitle('Chongqing');
    expect(short).toEqual({ text: 'Chongqing', size: 34 });
    // The conference's full English and Russian names fit whole at a smaller size.
    for (const title of ['First Belt and Road Conference on Science and Technology Exchange', 'Первая Конференция по научно-техническим обменам в рамках «Пояса и пути»']) {
      const fitted = fitTitle(title);
      expect(fitted.text).toBe(title);
      expect(fitted.size).toBeLessThan(34);
      expect(textWidth(fitted.text, fitted.size)).toBeLessThanOrEqual(PREVIEW_WIDTH - 72);
    }
    const long = fitTitle('International Science and Technology Cooperation Initiative '.repeat(3).trim());
    expect(long.size).toBe(26);
    expect(long.text.endsWith('…')).toBe(true);
    expect(textWidth(long.text, long.size)).toBeLessThanOrEqual(PREVIEW_WIDTH - 72);
    const chinese = fitTitle('国际科技合作倡议'.repeat(8));
    expect(chinese.text.endsWith('…')).toBe(true);
    expect(textWidth(chinese.text, chinese.size)).toBeLessThanOrEqual(PREVIEW_WIDTH - 72);
  });
});

describe('the share image subtitle', () => {
  it("keeps a short one whole and wraps a story step's caption into two lines that fit, ending in an ellipsis", () => {
    expect(fitSubtitle('3 entities · every fact sourced')).toEqual(['3 entities · every fact sourced']);
    for (const locale of ['en', 'ru', 'zh'] as const) {
      const caption = shippedStory('article', locale)!.steps[4]!.caption;
      const lines = fitSubtitle(caption);
      expect(lines).toHaveLength(2);
      for (const line of lines) expect(textWidth(line, 20)).toBeLessThanOrEqual(PREVIEW_WIDTH - 72);
      expect(lines[1]!.endsWith('…')).toBe(true);
      expect(caption.startsWith(lines[0]!)).toBe(true);
    }
  });
});
