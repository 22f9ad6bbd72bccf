// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { moveBy, moveTo } from './reorder';

describe('moveBy', () => {
  it('moves an entry up or down by one', () => {
    expect(moveBy(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveBy(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  });

  it('leaves the list as it is at the edges', () => {
    expect(moveBy(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveBy(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});

describe('moveTo', () => {
  it('drops an entry at another index', () => {
    expect(moveTo(['a', 'b', 'c', 'd'], 0, 3)).toEqual(['b', 'c', 'd', 'a']);
    expect(moveTo(['a', 'b', 'c', 'd'], 3, 1)).toEqual(['a', 'd', 'b', 'c']);
  });

  it('does not lose or duplicate entries for out-of-range targets', () => {
    expect(moveTo(['a', 'b'], 0, 9)).toEqual(['b', 'a']);
    expect(moveTo(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });
});
