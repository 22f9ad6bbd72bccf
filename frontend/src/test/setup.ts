import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { setupI18n } from '@/lib/i18n';

// jsdom has <dialog> but not its modal behaviour.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

// Pure logic tests run with `@vitest-environment node` (no DOM, faster).
if (typeof document !== 'undefined') {
  void setupI18n('de');
  // Components are tested without the lazy entry modules that register their
  // feature's texts, so load every feature's texts here.
  await Promise.all(Object.values(import.meta.glob('../features/*/i18n.ts')).map((load) => load()));
}

afterEach(() => {
  cleanup();
});
