// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { pageOffset } from './paging';

describe('pageOffset', () => {
  it('turns the page in the address bar into an offset', () => {
    expect(pageOffset(new URLSearchParams('seite=3'), 20)).toBe(40);
    expect(pageOffset(new URLSearchParams(''), 20)).toBe(0);
    expect(pageOffset(new URLSearchParams('seite=abc'), 20)).toBe(0);
    expect(pageOffset(new URLSearchParams('seite=-2'), 20)).toBe(0);
  });
});
