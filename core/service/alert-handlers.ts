import type { HandlerTable } from '../messages/router';
import type { Alerts } from './alerts';

export type AlertCommand = 'alerts.get' | 'alerts.set' | 'alerts.check';

/** The alert commands of the handler table (options page only). */
export function createAlertHandlers(alerts: Alerts): Pick<HandlerTable, AlertCommand> {
  return {
    'alerts.get': () => alerts.view(),
    'alerts.set': ({ rules }) => alerts.save(rules),
    'alerts.check': () => alerts.check(),
  };
}
