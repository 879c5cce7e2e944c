import { render, type ComponentChildren } from 'preact';
import { act } from 'preact/test-utils';
import { LocaleProvider } from '@/components/shared/i18n';
import type { Language } from '@/core/i18n/i18n';
import type { NumberStyle } from '@/core/format/display';

/** Mounts UI in a fresh container with a locale, the way the entrypoints do. */
export async function mount(ui: ComponentChildren, language: Language = 'en', style: NumberStyle = 'en') {
  const container = document.createElement('div');
  document.body.append(container);
  await act(() => {
    render(
      <LocaleProvider language={language} style={style}>
        {ui}
      </LocaleProvider>,
      container,
    );
  });
  const q = <E extends Element = HTMLElement>(testid: string) => container.querySelector<E>(`[data-testid="${testid}"]`);
  return {
    container,
    q,
    text: (testid: string) => q(testid)?.textContent ?? null,
    unmount: () => act(() => render(null, container)).then(() => container.remove()),
  };
}

export const flush = () => act(() => new Promise<void>((r) => setTimeout(r, 0)));
