import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { GraphqlError } from '../common/graphql';
import { useMessages } from '../common/i18n';
import { Notice, SignInNeeded } from '../common/layout';
import { MESSAGES } from './messages';

/** Sets the document's title to the page's heading (tabs, history and screen readers announce it). */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}

/** A refused or failed read, said for what it means to the auditor: signed out, not allowed, not found, or failed. */
export function QueryFailure({ error }: { error: GraphqlError }) {
  const messages = useMessages(MESSAGES);
  if (error.code === 'UNAUTHENTICATED') return <SignInNeeded />;
  const text =
    error.code === 'FORBIDDEN' ? messages.forbidden : error.code === 'NOT_FOUND' ? messages.notFound : `${messages.failed} (${error.code}).`;
  return <Notice kind="error">{text}</Notice>;
}

/** A polite live region saying the page is loading. */
export function Loading({ children }: { children?: ComponentChildren }) {
  const messages = useMessages(MESSAGES);
  return (
    <p role="status" class="muted">
      {children ?? messages.loading}
    </p>
  );
}
