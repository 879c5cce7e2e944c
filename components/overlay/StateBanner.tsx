import type { ViewState } from '@/core/overlay/state';
import type { SourceStatus } from '@/core/messages/protocol';
import { formatAge } from '@/core/i18n/i18n';
import { useLocale } from '../shared/i18n';
import { sourceMessage } from '../shared/sources';

/** The one line that says what state the data is in, and what to do about it. */
export function StateBanner(props: {
  state: ViewState;
  now: number;
  expanded?: boolean;
  /** Where the compact source-failure line sends the reader: the overlay's expand button, or (popup) the options page. */
  detailsIn?: 'expanded' | 'options';
  onRetry?: () => void;
  onOpenOptions?: () => void;
}) {
  const { t } = useLocale();
  const s = props.state;
  const age = (ms: number) => formatAge(t, ms);
  switch (s.kind) {
    case 'ready':
      return s.failing.length > 0 ? (
        <SourceErrors
          failing={s.failing}
          now={props.now}
          expanded={props.expanded ?? true}
          detailsIn={props.detailsIn ?? 'expanded'}
          onOpenOptions={props.onOpenOptions}
        />
      ) : null;
    case 'unsupported':
      return (
        <div class="ll-banner" role="status" data-testid="state-unsupported">
          <p>{t('stateUnsupported')}</p>
          <p class="ll-muted ll-small">{t('stateUnsupportedHint')}</p>
        </div>
      );
    case 'loading':
      return (
        <div class="ll-banner" role="status" aria-busy="true" data-testid="state-loading">
          {t('stateLoading')}
        </div>
      );
    case 'offline':
      return (
        <div class="ll-banner ll-warn" role="status" data-testid="state-offline">
          {!s.snapshot ? t('stateOfflineEmpty') : s.ageMs === null ? t('stateOfflineUndated') : t('stateOffline', { age: age(s.ageMs) })}
        </div>
      );
    case 'error':
      return (
        <div class="ll-banner ll-error" role="alert" data-testid="state-error">
          <p>{t('stateError', { message: s.message })}</p>
          <p class="ll-small">{t('stateErrorFix')}</p>
          <Actions onRetry={props.onRetry} onOpenOptions={props.onOpenOptions} />
        </div>
      );
    case 'stale':
      return (
        <>
          <div class="ll-banner ll-warn" role="status" data-testid="state-stale">
            {/* Nothing dated in the snapshot (no mark, no heatmap): no age to give, and no hole in the sentence. */}
            {s.ageMs === null ? t('stateStaleUndated') : t('stateStale', { age: age(s.ageMs) })}
            {s.error && <p class="ll-small">{t('stateError', { message: s.error })}</p>}
          </div>
          {s.failing.length > 0 && (
            <SourceErrors
              failing={s.failing}
              now={props.now}
              expanded={props.expanded ?? true}
              detailsIn={props.detailsIn ?? 'expanded'}
              onOpenOptions={props.onOpenOptions}
            />
          )}
        </>
      );
  }
}

function Actions(props: { onRetry?: () => void; onOpenOptions?: () => void }) {
  const { t } = useLocale();
  return (
    <div class="ll-actions">
      {props.onRetry && (
        <button type="button" onClick={props.onRetry} data-testid="state-retry">
          {t('retry')}
        </button>
      )}
      {props.onOpenOptions && (
        <button type="button" onClick={props.onOpenOptions} data-testid="state-options">
          {t('openOptions')}
        </button>
      )}
    </div>
  );
}

/** Up to three names, then how many more: the compact line stays one or two lines long. */
function namesOf(failing: SourceStatus[], t: ReturnType<typeof useLocale>['t']): string {
  const names = failing.slice(0, 3).map((s) => s.source);
  if (failing.length > 3) names.push(t('andMore', { n: failing.length - 3 }));
  return names.join(', ');
}

/** Compact: one line naming the failing sources. Expanded: each with its error and age. */
function SourceErrors(props: { failing: SourceStatus[]; now: number; expanded: boolean; detailsIn: 'expanded' | 'options'; onOpenOptions?: () => void }) {
  const { t } = useLocale();
  if (!props.expanded) {
    return (
      <div class="ll-banner ll-error ll-small" role="status" data-testid="state-source-error">
        {t(props.detailsIn === 'options' ? 'stateSourcesFailingOptions' : 'stateSourcesFailing', {
          n: props.failing.length,
          sources: namesOf(props.failing, t),
        })}
      </div>
    );
  }
  return (
    <div class="ll-banner ll-error ll-small" role="status" data-testid="state-source-error">
      <ul>
        {props.failing.map((s) => (
          <li key={s.source}>
            {t('stateSourceError', { source: s.source, age: formatAge(t, props.now - (s.lastError?.at ?? props.now)), message: sourceMessage(s) })}
          </li>
        ))}
      </ul>
      <p>{t('stateSourceErrorFix')}</p>
      <Actions onOpenOptions={props.onOpenOptions} />
    </div>
  );
}
