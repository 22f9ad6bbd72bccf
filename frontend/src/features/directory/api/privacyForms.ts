/** Checks for the dialogs that erase personal data (the reason check is in `@/lib/forms/reason`). */

const normalise = (text: string) => text.trim().replace(/\s+/g, ' ');

/** True when `typed` is the member's name (spaces at the ends and doubled spaces do not count). */
export function nameConfirmed(typed: string, name: string): boolean {
  return normalise(name) !== '' && normalise(typed) === normalise(name);
}
