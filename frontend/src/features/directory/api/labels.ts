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
