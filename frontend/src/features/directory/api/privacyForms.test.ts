// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { nameConfirmed } from './privacyForms';

describe('confirm an erasure by typing the name', () => {
  it('needs exactly the name, apart from surrounding and doubled spaces', () => {
    expect(nameConfirmed('Amir Axtmann', 'Amir Axtmann')).toBe(true);
    expect(nameConfirmed('  Amir   Axtmann ', 'Amir Axtmann')).toBe(true);
    expect(nameConfirmed('amir axtmann', 'Amir Axtmann')).toBe(false);
    expect(nameConfirmed('Amir', 'Amir Axtmann')).toBe(false);
    expect(nameConfirmed('', '')).toBe(false);
  });
});
