import { type ReactNode, useEffect, useId, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';

export interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  /** 'alertdialog' for dialogs that interrupt a task and need an answer. */
  role?: 'dialog' | 'alertdialog';
}

/**
 * KERN dialog on the native <dialog> element opened with showModal(): the
 * browser makes the rest of the page inert, traps focus and closes on Escape.
 * Focus goes back to the element that had it before opening (unless the page has moved it).
 */
export function Dialog({ open, title, onClose, children, footer, role = 'dialog' }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const returnFocus = useRef<HTMLElement | null>(null);

  // A layout effect: closing gives the focus back at once, so the page's own effects can then move
  // it to the result of the dialog's action (a notice, new content).
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  const handleClose = () => {
    const target = returnFocus.current;
    returnFocus.current = null;
    // Unless the page has moved the focus meanwhile (to the result of the dialog's action): the
    // close event comes after the page's effects.
    const active = document.activeElement;
    const moved = active instanceof HTMLElement && active !== document.body && !ref.current?.contains(active);
    if (target?.isConnected && !moved) target.focus();
    if (open) onClose();
  };

  return (
    <dialog
      ref={ref}
      className="kern-dialog"
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onClose={handleClose}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {open && (
        <>
          <header className="kern-dialog__header">
            <h2 className="kern-title" id={titleId}>
              {title}
            </h2>
            <Button variant="tertiary" icon="close" hideLabel onClick={onClose}>
              {t('common.closeDialog')}
            </Button>
          </header>
          <div className="kern-dialog__body" id={bodyId}>
            {children}
          </div>
          {footer && <footer className="kern-dialog__footer">{footer}</footer>}
        </>
      )}
    </dialog>
  );
}
