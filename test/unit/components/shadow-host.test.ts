// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createShadowHost, MAX_REMOUNTS, shadowCss } from '@/components/overlay/shadow-host';

describe('the overlay shadow host', () => {
  it('puts the stylesheet text and a container into an open shadow root, appended last to the body', () => {
    document.body.innerHTML = '<main id="page"></main>';
    const ui = createShadowHost(document, {
      name: 'liqlens-overlay',
      css: ':root { --x: 1 } .ll-root { color: red }',
      isolateEvents: ['keydown'],
      mode: 'open',
    });
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

  it('is closed unless a test build asks for it open', () => {
    document.body.innerHTML = '';
    const ui = createShadowHost(document, { name: 'liqlens-overlay', css: '', isolateEvents: [] });
    ui.mount();
    expect(document.querySelector('liqlens-overlay')!.shadowRoot).toBeNull();
    expect(ui.shadow.mode).toBe('closed');
    expect(ui.host.getAttribute('popover')).toBe('manual');
    ui.remove();
  });

  it('puts back a host the page removes, until remove(), and gives up on a page that keeps removing it', async () => {
    document.body.innerHTML = '<main></main>';
    const ui = createShadowHost(document, { name: 'liqlens-overlay', css: '', isolateEvents: [] });
    ui.mount();
    ui.host.remove();
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(ui.host.isConnected).toBe(true);
    document.body.replaceChildren();
    await new Promise((r) => setTimeout(r, 0));
    expect(document.body.lastElementChild).toBe(ui.host);
    for (let i = 0; i < MAX_REMOUNTS + 2; i++) {
      ui.host.remove();
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(ui.host.isConnected).toBe(false);
    const again = createShadowHost(document, { name: 'liqlens-overlay', css: '', isolateEvents: [] });
    again.mount();
    again.remove();
    await new Promise((r) => setTimeout(r, 0));
    expect(again.host.isConnected).toBe(false);
  });

  it('lets no synthesized event reach a control, and keeps it from the page too', () => {
    document.body.innerHTML = '';
    const ui = createShadowHost(document, {
      name: 'liqlens-overlay',
      css: '',
      isolateEvents: ['keydown'],
      mode: 'open',
      refuseUntrusted: ['click', 'pointerdown', 'keydown', 'input'],
    });
    ui.mount();
    const button = document.createElement('button');
    ui.container.append(button);
    const seen: string[] = [];
    for (const type of ['click', 'pointerdown', 'keydown', 'input', 'focus']) button.addEventListener(type, () => seen.push(type));
    for (const type of ['click', 'pointerdown']) button.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true }));
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    button.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    button.click();
    button.dispatchEvent(new FocusEvent('focus'));
    // happy-dom events are all untrusted: only the type not listed gets through.
    expect(seen).toEqual(['focus']);
    ui.remove();
  });

  it('maps every :root in the shared stylesheet to the host', () => {
    expect(shadowCss(':root{a:1}:root .x{b:2}')).toBe(':host{all:initial !important;}\n:host{a:1}:host .x{b:2}');
  });
});
