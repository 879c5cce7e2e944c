// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createShadowHost, shadowCss } from '@/components/overlay/shadow-host';

describe('the overlay shadow host', () => {
  it('puts the stylesheet text and a container into an open shadow root, appended last to the body', () => {
    document.body.innerHTML = '<main id="page"></main>';
    const ui = createShadowHost(document, { name: 'liqlens-overlay', css: ':root { --x: 1 } .ll-root { color: red }', isolateEvents: ['keydown'] });
    expect(document.querySelector('liqlens-overlay')).toBeNull();
    ui.mount();
    const host = document.querySelector('liqlens-overlay')!;
    expect(document.body.lastElementChild).toBe(host);
    expect(host.shadowRoot).toBe(ui.shadow);
    const style = ui.shadow.querySelector('style')!;
    expect(style.textContent).toContain(':host { --x: 1 }');
    expect(style.textContent).not.toContain(':root');
    expect(style.textContent.startsWith(':host{all:initial !important;}')).toBe(true);
    expect(ui.container.parentNode).toBe(ui.shadow);
    ui.remove();
    expect(document.querySelector('liqlens-overlay')).toBeNull();
  });

  it('keeps the isolated events inside the shadow root and lets others reach the page', () => {
    document.body.innerHTML = '';
    const ui = createShadowHost(document, { name: 'liqlens-overlay', css: '', isolateEvents: ['keydown', 'input'] });
    ui.mount();
    const input = document.createElement('input');
    ui.container.append(input);
    const reached: string[] = [];
    for (const type of ['keydown', 'input', 'click']) document.addEventListener(type, () => reached.push(type));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true, composed: true }));
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(reached).toEqual(['click']);
  });

  it('maps every :root in the shared stylesheet to the host', () => {
    expect(shadowCss(':root{a:1}:root .x{b:2}')).toBe(':host{all:initial !important;}\n:host{a:1}:host .x{b:2}');
  });
});
