import type { BodyKind, MembershipRole } from './directory';

/** Roles a membership may have, by body kind, in the order the body page lists them. */
export const WORKING_GROUP_ROLES = ['spokesperson', 'deputy_spokesperson', 'member', 'guest'] as const satisfies readonly MembershipRole[];
export const STEERING_GROUP_ROLES = ['chair', 'deputy_chair', 'member'] as const satisfies readonly MembershipRole[];

export function rolesFor(kind: BodyKind): readonly MembershipRole[] {
  return kind === 'steering_group' ? STEERING_GROUP_ROLES : WORKING_GROUP_ROLES;
}

/** i18n key of a membership role's label; "member" reads differently in the steering group only by context. */
export function roleLabelKey(role: MembershipRole): string {
  return `directory.membershipRoles.${role}`;
}

/** i18n key of the plural heading of a role group on the body page. */
export function roleGroupKey(role: MembershipRole): string {
  return `directory.roleGroups.${role}`;
}

export interface RoleGroup<T> {
  role: MembershipRole;
  items: T[];
}

/**
 * Groups memberships by role in the body's role order; every role of the body
 * appears (possibly empty); roles the body does not know come last. Within a
 * group, items are sorted by `sortKey` (German collation).
 */
export function groupByRole<T extends { role: MembershipRole }>(
  kind: BodyKind,
  items: readonly T[],
  sortKey: (item: T) => string,
): RoleGroup<T>[] {
  const order: MembershipRole[] = [...rolesFor(kind)];
  for (const item of items) if (!order.includes(item.role)) order.push(item.role);
  const collator = new Intl.Collator('de');
  return order.map((role) => ({
    role,
    items: items.filter((i) => i.role === role).sort((a, b) => collator.compare(sortKey(a), sortKey(b))),
  }));
}

/** Working groups first, then the steering group, then the network; by name within a kind. */
export function sortBodies<T extends { kind: BodyKind; name: string }>(bodies: readonly T[]): T[] {
  const rank: Record<BodyKind, number> = { working_group: 0, steering_group: 1, network: 2 };
  const collator = new Intl.Collator('de');
  return [...bodies].sort((a, b) => rank[a.kind] - rank[b.kind] || collator.compare(a.name, b.name));
}

/** Common languages with German names (ISO 639-1), in the order the form offers them. */
export const COMMON_LANGUAGES = ['de', 'en', 'ar', 'uk', 'ru', 'tr', 'fa', 'ps', 'ku', 'fr', 'pl', 'ro', 'es', 'it', 'ti', 'so'] as const;

/**
 * Parses a comma-separated list of ISO 639-1 codes ("de, AR ,uk").
 * Returns the normalised codes (lower case, without duplicates) and the
 * entries that are not two letters.
 */
export function parseLanguages(text: string): { codes: string[]; invalid: string[] } {
  const codes: string[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/[,;\s]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (!/^[a-z]{2}$/.test(entry)) invalid.push(raw.trim());
    else if (!codes.includes(entry)) codes.push(entry);
  }
  return { codes, invalid };
}

/** "Deutsch, Arabisch, xy": German names for known codes, the code otherwise. */
export function languageNames(codes: readonly string[], name: (code: string) => string | null): string {
  return codes.map((code) => name(code) ?? code).join(', ');
}

/** Display name of a member ("Dr. Erika Muster"). */
export function memberName(m: { title: string | null; given_name: string; family_name: string }): string {
  return [m.title, m.given_name, m.family_name].filter((p) => p && p.trim()).join(' ');
}

/** Today as YYYY-MM-DD in Europe/Berlin (for date inputs). */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(now);
}
