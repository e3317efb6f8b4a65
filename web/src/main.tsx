import '@mantine/core/styles.css';
import './phone.css';
import { type CSSVariablesResolver, createTheme, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { i18nReady } from './i18n/index';
import { registerServiceWorker } from './pwa';

const theme = createTheme({
  primaryColor: 'teal',
  // Text on filled colours turns dark where white would be too faint (WCAG AA 4.5:1 for small text).
  autoContrast: true,
  primaryShade: { light: 9, dark: 8 },
  // Defaults by component name, as plain objects: importing the components here would put them in every first page.
  components: {
    // The active menu entry as white on dark teal (4.9:1); the light variant's teal on pale teal is under AA.
    NavLink: { defaultProps: { variant: 'filled', color: 'teal.9' } },
    // Filled orange, yellow or green badges with white text are under AA; light badges read well in every colour.
    Badge: { defaultProps: { variant: 'light' } },
    // Clicking the chosen option again keeps it: an optional select is cleared with its own clear button.
    Select: { defaultProps: { allowDeselect: false } },
  },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
});

/**
 * Links, dimmed text and the text of light buttons, badges and alerts dark enough to read (the defaults, shade 6
 * of each colour and grey 6, are under WCAG AA's 4.5:1 for small text).
 */
const readableVariables: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-anchor': 'var(--mantine-color-teal-9)',
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    ...Object.fromEntries(
      // Shade 9 darkened a little: on a hovered light background shade 9 alone falls just under 4.5:1.
      Object.keys(t.colors).map((name) => [
        `--mantine-color-${name}-light-color`,
        `color-mix(in srgb, var(--mantine-color-${name}-9) 70%, black)`,
      ]),
    ),
  },
  dark: {},
});

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, staleTime: 60_000, refetchOnWindowFocus: false } },
});

const root = document.getElementById('root');
if (root) {
  // The first screen waits for the remembered language (a few KB), so it is never drawn in another one.
  await i18nReady;
  void registerServiceWorker();
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={readableVariables}>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
