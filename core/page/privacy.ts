/**
 * The privacy guard. Every element the reader looks at passes through `isSensitiveElement`
 * first; a sensitive element is skipped without reading its value, text or attributes beyond
 * the few needed to recognise it. The reader has no code path to cookies, localStorage,
 * sessionStorage or IndexedDB (a unit test scans the sources to keep it that way).
 */

/** Name fragments that mark credentials, one-time codes and API secrets. */
const SENSITIVE_TOKENS = new Set([
  'password',
  'passwd',
  'pwd',
  'pass',
  'passphrase',
  'otp',
  'totp',
  'hotp',
  '2fa',
  'mfa',
  'tfa',
  'api',
  'apikey',
  'key',
  'secret',
  'token',
  'mnemonic',
  'seed',
  'pin',
  'cvv',
  'cvc',
  'captcha',
  'verification',
  'verify',
  'authenticator',
  'authcode',
  'credential',
  'credentials',
]);

const SENSITIVE_AUTOCOMPLETE = /password|one-time-code|cc-|webauthn/i;

/** Unmistakable fragments, matched anywhere (`google2faCode`, `agentPrivateKey`, `userApiKey`). */
const SENSITIVE_FRAGMENTS =
  /password|passwd|passphrase|2fa|totp|otpcode|apikey|api_key|api-key|secret|mnemonic|privatekey|private_key|private-key|authcode|one-time|seedphrase/i;

/** The attributes that name a field: tokenised, never the value itself. */
const NAMING_ATTRIBUTES = ['name', 'id', 'autocomplete', 'aria-label', 'placeholder', 'data-testid'] as const;

/** `apiKey` → api key, `google_2fa-code` → google 2fa code, `OTPInput` → otp input. */
function tokens(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Verdicts per naming-attribute value (a pure function of the string), so a re-read costs a lookup. */
const verdicts = new Map<string, boolean>();
function sensitiveName(value: string): boolean {
  let verdict = verdicts.get(value);
  if (verdict === undefined) {
    verdict = SENSITIVE_FRAGMENTS.test(value) || tokens(value).some((t) => SENSITIVE_TOKENS.has(t));
    if (verdicts.size >= 1024) verdicts.clear();
    verdicts.set(value, verdict);
  }
  return verdict;
}

export function isSensitiveElement(element: Element): boolean {
  const tag = element.tagName.toLowerCase();
  if (tag === 'input') {
    const type = (element.getAttribute('type') ?? '').toLowerCase();
    if (type === 'password' || type === 'hidden' || type === 'file') return true;
  }
  const autocomplete = element.getAttribute('autocomplete');
  if (autocomplete && SENSITIVE_AUTOCOMPLETE.test(autocomplete)) return true;
  for (const attribute of NAMING_ATTRIBUTES) {
    const value = element.getAttribute(attribute);
    if (value && sensitiveName(value)) return true;
  }
  return false;
}
