/**
 * A modal dialog: the native <dialog> opened with showModal(), so the page behind is inert and
 * the browser keeps Tab inside. Focus goes in (the first field, or `initialFocus`), Esc closes
 * (the dialog's own cancel), and on close focus goes back to the control that opened it, or to
 * `fallbackFocus` when that control is gone, never to <body>. It scrolls within the window.
 */
import { type ReactNode, useEffect, useLayoutEffect, useRef } from "react";
import { focusOrFallback, wrapTab } from "./focus";

interface ModalProps {
  labelledBy: string;
  className?: string;
  testId?: string;
  onClose: () => void;
  /** A selector inside the dialog to focus first (default: the first field or button). */
  initialFocus?: string;
  /** A selector for where focus goes when the opener is gone. */
  fallbackFocus?: string;
  children: ReactNode;
}

export function Modal({
  labelledBy,
  className,
  testId,
  onClose,
  initialFocus,
  fallbackFocus,
  children,
}: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const first = dialog.querySelector<HTMLElement>(
      initialFocus ?? "input, select, textarea, button, [tabindex]:not([tabindex='-1'])",
    );
    first?.focus();
    return () => {
      if (dialog.open) dialog.close();
      focusOrFallback(opener, fallbackFocus);
    };
  }, [initialFocus, fallbackFocus]);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // Esc: the browser fires `cancel`; the app closes the dialog by its own state.
    const onCancel = (e: Event) => {
      e.preventDefault();
      close.current();
    };
    // Tab wraps around inside (the browser would let it leave for its own toolbar).
    const onKey = (e: KeyboardEvent) => wrapTab(dialog, e);
    dialog.addEventListener("cancel", onCancel);
    dialog.addEventListener("keydown", onKey);
    return () => {
      dialog.removeEventListener("cancel", onCancel);
      dialog.removeEventListener("keydown", onKey);
    };
  }, []);
  return (
    <dialog ref={ref} className={className} aria-labelledby={labelledBy} data-testid={testId}>
      {children}
    </dialog>
  );
}
