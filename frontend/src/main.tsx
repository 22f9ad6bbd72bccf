import '@kern-ux/native/dist/kern.min.css';
import '@kern-ux/native/dist/kern-grid.min.css';
import '@kern-ux/native/dist/kern-utilities.min.css';
import '@kern-ux/native/dist/fonts/fira-sans.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { setupStoredLanguage } from './lib/i18n';
import { applyTheme, storedTheme } from './lib/preferences';

applyTheme(storedTheme());
await setupStoredLanguage();

const root = document.getElementById('root');
if (!root) throw new Error('#root missing in index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
