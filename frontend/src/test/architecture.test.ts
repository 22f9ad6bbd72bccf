// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// One-way imports: app -> features -> lib/components; no feature imports another.
const SRC = join(process.cwd(), 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name: string) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\./.test(name) ? [full] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? m[2] ?? '');
}

/** Resolves '@/x' and relative specifiers to a path below src/, or null for packages. */
function target(file: string, specifier: string): string | null {
  if (specifier.startsWith('@/')) return specifier.slice(2);
  if (specifier.startsWith('.')) return relative(SRC, join(file, '..', specifier)).split(sep).join('/');
  return null;
}

describe('import boundaries', () => {
  const all = files(SRC).map((file) => ({ file, area: relative(SRC, file).split(sep) }));

  it('lib and components never import features or app', () => {
    const offenders = all
      .filter(({ area }) => area[0] === 'lib' || area[0] === 'components')
      .flatMap(({ file }) =>
        imports(file)
          .map((s) => target(file, s))
          .filter((t): t is string => t !== null && (t.startsWith('features/') || t.startsWith('app/')))
          .map((t) => `${relative(SRC, file)} -> ${t}`),
      );
    expect(offenders).toEqual([]);
  });

  it('features import neither app nor other features', () => {
    const offenders = all
      .filter(({ area }) => area[0] === 'features')
      .flatMap(({ file, area }) =>
        imports(file)
          .map((s) => target(file, s))
          .filter(
            (t): t is string =>
              t !== null && (t.startsWith('app/') || (t.startsWith('features/') && t.split('/')[1] !== area[1])),
          )
          .map((t) => `${relative(SRC, file)} -> ${t}`),
      );
    expect(offenders).toEqual([]);
  });

  it('API types come only from the generated schema (no hand-written API interfaces)', () => {
    const generatedUsers = all.filter(({ file }) => readFileSync(file, 'utf8').includes("from '@/lib/api/schema.gen'"));
    expect(generatedUsers.length).toBeGreaterThan(0);
    const handWritten = all
      .filter(({ file }) => /api\//.test(relative(SRC, file)) && !file.endsWith('schema.gen.ts'))
      .filter(({ file }) => /interface\s+User(Read)?\b|type\s+User\s*=\s*\{/.test(readFileSync(file, 'utf8')));
    expect(handWritten.map(({ file }) => relative(SRC, file))).toEqual([]);
  });
});
