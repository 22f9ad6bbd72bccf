import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Alert, Button, type Column, Dialog, Table } from '@/components/ui';
import { isProblemKind } from '@/lib/api/problem';

/** A problem of a milestone or indicator change: stale, forbidden, or what the API said. */
export function ChangeProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isProblemKind(error, 'precondition-failed')) {
    return (
      <Alert variant="danger" title={t('measures.stale.title')} live="alert">
        <p className="kern-body">{t('measures.stale.text')}</p>
      </Alert>
    );
  }
  if (isProblemKind(error, 'forbidden')) {
    return (
      <Alert variant="danger" title={t('measures.forbidden.title')} live="alert">
        <p className="kern-body">{t('measures.forbidden.text')}</p>
      </Alert>
    );
  }
  return <ProblemAlert error={error} />;
}

/** Which row of a milestone/indicator table is being edited or deleted, and the last success notice. */
export function useRowDialogs<T>() {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return {
    notice,
    editing: editing === 'new' ? null : editing,
    editOpen: editing !== null,
    deleting,
    add: () => {
      setNotice(null);
      setEditing('new');
    },
    edit: (row: T) => {
      setNotice(null);
      setEditing(row);
    },
    remove: (row: T) => {
      setNotice(null);
      setDeleting(row);
    },
    closeEdit: () => setEditing(null),
    closeDelete: () => setDeleting(null),
    editDone: (message: string) => {
      setEditing(null);
      setNotice(message);
    },
    deleteDone: (message: string) => {
      setDeleting(null);
      setNotice(message);
    },
  };
}

/** The edit and delete buttons of one table row. */
function RowActions({
  editLabel,
  editName,
  deleteLabel,
  deleteName,
  onEdit,
  onDelete,
}: {
  editLabel: string;
  editName: string;
  deleteLabel: string;
  deleteName: string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  return (
    <div className="kern-flex kern-flex-wrap kern-gap-sm">
      <Button variant="secondary" icon="edit" aria-label={editName} onClick={onEdit}>
        {editLabel}
      </Button>
      <Button variant="secondary" icon="delete" aria-label={deleteName} onClick={onDelete}>
        {deleteLabel}
      </Button>
    </div>
  );
}

/** The texts of a milestone/indicator section (already translated). */
export interface RowsSectionTexts<T> {
  heading: string;
  empty: string;
  caption: string;
  actions: string;
  edit: string;
  editFor: (row: T) => string;
  delete: string;
  deleteFor: (row: T) => string;
  add: string;
}

/**
 * A table section of the measure page (milestones, indicators): a success notice, the rows or the
 * empty text, and for editors an actions column, the add button and the dialogs (`children`).
 */
export function RowsSection<T extends { id: string }>({
  id,
  texts,
  rows,
  columns,
  canWrite,
  dialogs,
  children,
}: {
  id: string;
  texts: RowsSectionTexts<T>;
  rows: T[];
  columns: Column<T>[];
  canWrite: boolean;
  dialogs: ReturnType<typeof useRowDialogs<T>>;
  children: ReactNode;
}) {
  const shown: Column<T>[] = canWrite
    ? [
        ...columns,
        {
          key: 'actions',
          header: texts.actions,
          cell: (row) => (
            <RowActions
              editLabel={texts.edit}
              editName={texts.editFor(row)}
              deleteLabel={texts.delete}
              deleteName={texts.deleteFor(row)}
              onEdit={() => dialogs.edit(row)}
              onDelete={() => dialogs.remove(row)}
            />
          ),
        },
      ]
    : columns;
  return (
    <section className="app-section" aria-labelledby={id}>
      <h2 className="kern-heading-medium" id={id}>
        {texts.heading}
      </h2>
      {dialogs.notice && <Alert variant="success" title={dialogs.notice} live="status" />}
      {rows.length === 0 ? (
        <p className="kern-body">{texts.empty}</p>
      ) : (
        <Table caption={texts.caption} captionHidden columns={shown} rows={rows} rowKey={(row) => row.id} />
      )}
      {canWrite && (
        <>
          <Button variant="secondary" icon="add" onClick={dialogs.add}>
            {texts.add}
          </Button>
          {children}
        </>
      )}
    </section>
  );
}

/** Calls `onOpen` once each time the dialog opens for another `key` (a row id and version, or `new`). */
export function useOnOpen(open: boolean, key: string, onOpen: () => void) {
  const [openedFor, setOpenedFor] = useState<string | null>(null);
  if (open && openedFor !== key) {
    setOpenedFor(key);
    onOpen();
  }
  if (!open && openedFor !== null) setOpenedFor(null);
}

/** The frame of an add/edit dialog: cancel and save buttons for the form `formId`, and a non-field problem. */
export function RowFormDialog({
  open,
  title,
  formId,
  pending,
  error,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  formId: string;
  pending: boolean;
  /** The save error; validation errors are shown at the fields instead. */
  error: unknown;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const showProblem = error !== null && error !== undefined && !isProblemKind(error, 'validation-error');
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onClose}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" form={formId} disabled={pending}>
            {t('common.save')}
          </Button>
        </>
      }
    >
      {showProblem && <ChangeProblem error={error} />}
      {children}
    </Dialog>
  );
}

interface DeleteMutation<T> {
  mutateAsync: (row: T) => Promise<unknown>;
  reset: () => void;
  isPending: boolean;
  isError: boolean;
  error: unknown;
}

/** Asks before deleting a row; shows the problem when the API refuses. */
export function DeleteRowDialog<T>({
  row,
  mutation,
  title,
  deleteLabel,
  text,
  doneMessage,
  onClose,
  onDone,
}: {
  row: T | null;
  mutation: DeleteMutation<T>;
  title: string;
  deleteLabel: string;
  text: (row: T) => string;
  doneMessage: (row: T) => string;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const close = () => {
    mutation.reset();
    onClose();
  };
  const run = async () => {
    if (row === null) return;
    try {
      await mutation.mutateAsync(row);
      onDone(doneMessage(row));
    } catch {
      // The dialog shows the problem.
    }
  };
  return (
    <Dialog
      open={row !== null}
      role="alertdialog"
      title={title}
      onClose={close}
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button icon="delete" onClick={() => void run()} disabled={mutation.isPending}>
            {deleteLabel}
          </Button>
        </>
      }
    >
      {mutation.isError && <ChangeProblem error={mutation.error} />}
      {row !== null && <p className="kern-body">{text(row)}</p>}
    </Dialog>
  );
}
