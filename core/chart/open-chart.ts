/**
 * Opening the side panel. Chrome's sidePanel.open() needs a user gesture: a keyboard command, a
 * click on an extension page, or a click in a content script relayed by one message (Chrome's side
 * panel docs, "user interaction"), and it must be the first thing the worker does with it: an
 * await before it loses the gesture. Firefox's sidebarAction.open() takes only its own pages'
 * clicks and its reserved `_execute_sidebar_action` command, so there the overlay names the shortcut.
 */
export const OPEN_CHART_COMMAND = 'open-chart';

/** The content script's message asking the worker to open the side panel next to its tab. */
export const SIDEPANEL_OPEN = { channel: 'liqlens:sidepanel-open' } as const;

export function isSidePanelOpen(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { channel?: unknown }).channel === SIDEPANEL_OPEN.channel;
}

export interface SidePanelApi {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}

/** The keyboard command's handler: opens the panel in the command's window, synchronously. */
export function openChartOnCommand(
  sidePanel: SidePanelApi | undefined,
  currentWindow: number,
): (command: string, tab?: { windowId?: number }) => Promise<boolean> {
  return (command, tab) => {
    if (command !== OPEN_CHART_COMMAND || !sidePanel) return Promise.resolve(false);
    return sidePanel.open({ windowId: tab?.windowId ?? currentWindow }).then(
      () => true,
      () => false,
    );
  };
}
