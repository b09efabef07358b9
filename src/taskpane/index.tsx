import { createRoot } from 'react-dom/client';
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { App } from './components/App';
import { officePort } from './ports';
import { isDarkColor } from './flow';
import { describeError } from './errors';

/**
 * Entry of the task pane. In Excel (Office.onReady with host Excel) the pane works on the open
 * workbook through Office.js; opened in a plain browser (host null) it works on a file chosen with
 * <input type=file> through the ExcelJS adapter and offers the result as a download.
 */
function prefersDark(): boolean {
  const forced = new URLSearchParams(window.location.search).get('theme');
  if (forced === 'dark' || forced === 'light') return forced === 'dark';
  if (typeof Office !== 'undefined' && Office.context?.officeTheme)
    return isDarkColor(Office.context.officeTheme.bodyBackgroundColor);
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

async function start(inExcel: boolean): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const theme = prefersDark() ? webDarkTheme : webLightTheme;
  const render = (app: React.JSX.Element) => root.render(<FluentProvider theme={theme}>{app}</FluentProvider>);
  try {
    const office = inExcel ? await officePort() : null;
    render(<App officePort={office?.port ?? null} officeIssues={office?.issues ?? []} />);
  } catch (e) {
    // The adapter chunk could not be loaded (e.g. the add-in's server is unreachable).
    render(<App officePort={null} startupError={describeError(e, 'Laden des Wellenplaners')} />);
  }
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady((info) => start(info.host === Office.HostType.Excel));
} else {
  // office.js could not be loaded (e.g. opened from a file without it): file mode.
  void start(false);
}
