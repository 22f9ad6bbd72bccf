// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { de } from './de';
import { en } from './en';
import type { TranslationBundle } from './index';

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

// Each lazily loaded feature brings its own texts (src/features/<name>/i18n.ts).
const featureModules = import.meta.glob<{ translations: TranslationBundle }>('../../features/*/i18n.ts', { eager: true });
const features = Object.entries(featureModules).map(([path, module]) => ({
  name: path.split('/')[3] ?? path,
  ...module.translations,
}));
const parts = [{ name: 'core', de, en }, ...features];

describe('translations', () => {
  const deKeys = parts.flatMap((part) => flatten(part.de)).sort();

  it('finds the feature texts', () => {
    expect(features.map((f) => f.name)).toEqual(expect.arrayContaining(['directory', 'meetings', 'offers', 'users']));
  });

  it.each(parts)('English has exactly the German keys ($name)', (part) => {
    const german = flatten(part.de);
    const english = flatten(part.en);
    expect(english.filter((k) => !german.includes(k))).toEqual([]);
    expect(german.filter((k) => !english.includes(k))).toEqual([]);
  });

  it('defines no key twice (core and features, or two features)', () => {
    const twice = deKeys.filter((key, i) => deKeys[i - 1] === key);
    expect(twice).toEqual([]);
  });

  it('no text is empty and both languages use the same placeholders', () => {
    for (const part of parts) {
      for (const key of flatten(part.de)) {
        const german = lookup(part.de, key) as string;
        const english = lookup(part.en, key) as string;
        expect(german.trim(), key).not.toBe('');
        expect(english.trim(), key).not.toBe('');
        expect(placeholders(english), key).toEqual(placeholders(german));
      }
    }
  });

  it('every literal key used in the code exists where that code can reach it', () => {
    // Vitest runs from frontend/ (see vite.config.ts). Code of a feature sees the
    // core texts and its own; everything else (app shell, components, lib) only
    // the core texts, because feature texts arrive with the feature's chunk.
    const root = join(process.cwd(), 'src');
    const coreKeys = flatten(de);
    const missing: string[] = [];
    let used = 0;
    for (const file of sourceFiles(root)) {
      const feature = /[\\/]features[\\/]([^\\/]+)[\\/]/.exec(file)?.[1];
      const own = features.find((f) => f.name === feature);
      const known = own ? [...coreKeys, ...flatten(own.de)] : coreKeys;
      const plural = (key: string) => known.includes(`${key}_one`) && known.includes(`${key}_other`);
      const text = readFileSync(file, 'utf8');
      const keys = [
        ...[...text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)].map((m) => m[1] ?? ''),
        ...[...text.matchAll(/(?:labelKey|handle)\(?:?\s*'([a-zA-Z0-9_.-]+)'/g)].map((m) => m[1] ?? ''),
      ];
      used += keys.length;
      for (const key of keys) if (!known.includes(key) && !plural(key)) missing.push(`${file.slice(root.length + 1)}: ${key}`);
    }
    expect(used).toBeGreaterThan(50);
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
