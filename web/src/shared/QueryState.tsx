// Loading and error states shared by every page: a spinner with a Chinese label while loading,
// the server's message in an Alert (with a retry button) when the request was refused.
import { Alert, Button, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/errors.ts';

export function ErrorAlert(props: { error: unknown; onRetry?: () => void; title?: string }) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={props.title ?? '请求未成功'}
      description={errorMessage(props.error)}
      action={
        props.onRetry ? (
          <Button size="small" onClick={props.onRetry}>
            重试
          </Button>
        ) : undefined
      }
    />
  );
}

interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

/** Renders children with the data once loaded; skeleton while loading; the refusal otherwise. */
export function QueryState<T>(props: {
  query: QueryLike<T>;
  children: (data: T) => ReactNode;
  rows?: number;
}) {
  const { query } = props;
  if (query.isPending) {
    return <Skeleton active paragraph={{ rows: props.rows ?? 4 }} aria-label="正在加载" />;
  }
  if (query.error || query.data === undefined) {
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <>{props.children(query.data)}</>;
}
