import type { Store } from '../shared/use-store';
import { useStore } from '../shared/use-store';
import { LocaleProvider } from '../shared/i18n';
import type { PageLook } from '../shared/page-setup';
import { OverlayApp, type OverlayAppProps } from './OverlayApp';

export interface OverlayLook extends PageLook {
  windowPct: number;
}

/** The overlay with its language, number style and theme from a store, so a settings change applies without a reload. */
export function OverlayRoot(props: Omit<OverlayAppProps, 'theme' | 'windowPct'> & { look: Store<OverlayLook> }) {
  const { look, ...app } = props;
  const l = useStore(look);
  return (
    <LocaleProvider language={l.language} style={l.style}>
      <OverlayApp {...app} theme={l.theme} windowPct={l.windowPct} />
    </LocaleProvider>
  );
}
