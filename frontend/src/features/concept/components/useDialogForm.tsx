import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ConflictChange, ConflictDialog } from '@/components/ConflictDialog';
import { ErrorSummary } from '@/components/ui';
import type { FieldErrors } from '@/lib/forms/fieldErrors';
import { useFormErrors } from '@/lib/forms/useFormErrors';

/**
 * The state of a form in a dialog: values (re-initialised whenever the dialog opens for another
 * row or a newer version of it), client checks with i18n keys, server field errors mapped onto
 * the fields, and the error summary.
 */
export function useDialogForm<F extends string, V extends Record<F, unknown>>({
  open,
  openKey,
  initial,
  fields,
  fieldMap,
  label,
  idPrefix,
  validate,
}: {
  open: boolean;
  /** Changes when the dialog edits another row, or a newer version of it. */
  openKey: string;
  initial: () => V;
  fields: readonly F[];
  fieldMap: Readonly<Record<string, F>>;
  label: (field: F) => string;
  idPrefix: string;
  validate: (values: V) => FieldErrors<F>;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<V>(initial);
  const [openedFor, setOpenedFor] = useState<string | null>(null);
  const form = useFormErrors<F>(fieldMap, (f) => label((fieldMap as Record<string, F>)[f] ?? (f as F)));
  if (open && openedFor !== openKey) {
    setOpenedFor(openKey);
    setValues(initial());
    form.clear();
  }
  if (!open && openedFor !== null) setOpenedFor(null);

  const fieldId = (field: F) => `${idPrefix}-${field}`;
  const set = <K extends F>(field: K, value: V[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    form.clearField(field);
  };
  /** Runs the client checks; true when the values may be sent. */
  const check = () => {
    const found = validate(values);
    const translated: FieldErrors<F> = {};
    for (const field of fields) {
      const key = found[field];
      if (key) translated[field] = t(key);
    }
    return !form.setClientErrors(translated);
  };
  const summary: ReactNode = (
    <ErrorSummary
      focusKey={form.failedSubmits}
      messages={form.formErrors}
      items={fields
        .filter((f) => form.errors[f])
        .map((f) => ({ fieldId: fieldId(f), label: label(f), message: form.errors[f] ?? '' }))}
    />
  );
  return { values, set, form, check, summary, fieldId };
}

/** A 412 while saving: what the others saved differs from the user's input in these fields. */
export interface Conflict {
  changes: ConflictChange[];
  /** Loads the saved state into the page (and so into the form). */
  reload: () => void;
}

export function ConflictNotice({ conflict, onClose }: { conflict: Conflict | null; onClose: () => void }) {
  return (
    <ConflictDialog
      open={conflict !== null}
      changes={conflict?.changes ?? []}
      onReload={() => {
        conflict?.reload();
        onClose();
      }}
      onClose={onClose}
    />
  );
}
