// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { de } from './de';
import { en } from './en';

function flatten(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    flatten(child, prefix ? `${prefix}.${key}` : key),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1] ?? '').sort();
}

function lookup(resource: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resource);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name: string) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.|schema\.gen/.test(name) ? [full] : [];
  });
}

describe('translations', () => {
  const deKeys = flatten(de).sort();
  const enKeys = flatten(en).sort();

  it('English has exactly the German keys', () => {
    expect(enKeys.filter((k) => !deKeys.includes(k))).toEqual([]);
    expect(deKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it('no text is empty and both languages use the same placeholders', () => {
    for (const key of deKeys) {
      const german = lookup(de, key) as string;
      const english = lookup(en, key) as string;
      expect(german.trim(), key).not.toBe('');
      expect(english.trim(), key).not.toBe('');
      expect(placeholders(english), key).toEqual(placeholders(german));
    }
  });

  it('every literal key used in the code exists', () => {
    // Vitest runs from frontend/ (see vite.config.ts).
    const root = join(process.cwd(), 'src');
    const used = new Set<string>();
    for (const file of sourceFiles(root)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(match[1] ?? '');
      for (const match of text.matchAll(/(?:labelKey|handle)\(?:?\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(match[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(50);
    const plural = (key: string) => deKeys.includes(`${key}_one`) && deKeys.includes(`${key}_other`);
    const missing = [...used].filter((key) => !deKeys.includes(key) && !plural(key));
    expect(missing).toEqual([]);
  });

  it('has a German text for every role and every problem kind the API knows', () => {
    for (const role of ['admin', 'coordinator', 'spokesperson', 'member', 'steering']) {
      expect(lookup(de, `roles.${role}`), role).toBeTypeOf('string');
    }
    for (const kind of [
      'validation-error', 'unauthenticated', 'forbidden', 'not-found', 'method-not-allowed', 'conflict',
      'precondition-failed', 'precondition-required', 'too-many-requests', 'payload-too-large',
      'idempotency-key-reused', 'internal-error', 'network', 'unknown',
    ]) {
      expect(lookup(de, `problem.${kind}.title`), kind).toBeTypeOf('string');
      expect(lookup(de, `problem.${kind}.detail`), kind).toBeTypeOf('string');
    }
  });
});
