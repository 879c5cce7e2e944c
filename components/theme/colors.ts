/**
 * Every colour LiqLens paints, in one place, for both themes. The text/background pairs the UI
 * actually uses are listed in TEXT_PAIRS and checked against WCAG AA by a unit test.
 */
export type ThemeName = 'dark' | 'light';

export interface Palette {
  bg: string;
  surface: string;
  border: string;
  /** Borders of inputs and selects: a control's edge must reach 3:1 (WCAG 1.4.11), unlike section rules. */
  control: string;
  text: string;
  muted: string;
  accent: string;
  long: string;
  short: string;
  warnBg: string;
  warnText: string;
  errorBg: string;
  errorText: string;
  badgeBg: string;
  badgeText: string;
  focus: string;
  /** Heat strip fills (graphics, not text). */
  heatLong: string;
  heatShort: string;
  marker: string;
  liqMarker: string;
}

export const PALETTES: Record<ThemeName, Palette> = {
  dark: {
    bg: '#121519',
    surface: '#1b2027',
    border: '#343b46',
    control: '#6b7585',
    text: '#e9ecf1',
    muted: '#a7b0bd',
    accent: '#7db4ff',
    long: '#40d597',
    short: '#ff7a8c',
    warnBg: '#3a2b0e',
    warnText: '#ffd27a',
    errorBg: '#3d1419',
    errorText: '#ffb3bd',
    badgeBg: '#2a3340',
    badgeText: '#dbe4f0',
    focus: '#ffd27a',
    heatLong: '#2fbf83',
    heatShort: '#ef5b6f',
    marker: '#e9ecf1',
    liqMarker: '#ffd27a',
  },
  light: {
    bg: '#ffffff',
    surface: '#f3f5f8',
    border: '#c9d0da',
    control: '#7b8594',
    text: '#14181e',
    muted: '#4d5665',
    accent: '#0a58c9',
    long: '#0a7444',
    short: '#b81e37',
    warnBg: '#fff1d6',
    warnText: '#6e3d00',
    errorBg: '#fde5e8',
    errorText: '#8f1025',
    badgeBg: '#e3e8ef',
    badgeText: '#26303d',
    focus: '#0a58c9',
    heatLong: '#1a9b63',
    heatShort: '#d6334c',
    marker: '#14181e',
    liqMarker: '#b86e00',
  },
};

type Key = keyof Palette;

/** [text, background] pairs that appear together on screen. */
export const TEXT_PAIRS: readonly [Key, Key][] = [
  ['text', 'bg'],
  ['text', 'surface'],
  ['muted', 'bg'],
  ['muted', 'surface'],
  ['accent', 'bg'],
  ['accent', 'surface'],
  ['long', 'bg'],
  ['long', 'surface'],
  ['short', 'bg'],
  ['short', 'surface'],
  ['warnText', 'warnBg'],
  // A liquidation price in the warning colour sits on the overlay itself.
  ['warnText', 'bg'],
  ['warnText', 'surface'],
  ['errorText', 'errorBg'],
  ['badgeText', 'badgeBg'],
];

/** Non-text pairs (focus ring, control edges, markers) need 3:1 (WCAG 1.4.11). */
export const GRAPHIC_PAIRS: readonly [Key, Key][] = [
  ['control', 'bg'],
  ['control', 'surface'],
  ['focus', 'bg'],
  ['focus', 'surface'],
  ['marker', 'surface'],
  ['liqMarker', 'surface'],
];

/** CSS custom properties for a palette: the stylesheets only ever say var(--ll-…). */
export function paletteVars(palette: Palette): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(palette)) out[`--ll-${k}`] = v;
  return out;
}

export function resolveTheme(setting: 'auto' | ThemeName, prefersDark: boolean): ThemeName {
  return setting === 'auto' ? (prefersDark ? 'dark' : 'light') : setting;
}
