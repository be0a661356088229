// Small pieces the entry chunk needs before any page: the loading placeholder and the bridge that
// hands antd's message API to the global error display.
import { App as AntApp, Spin } from 'antd';
import { useEffect } from 'react';
import { setMessageApi } from '../shared/notify.ts';

export function PageFallback() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin tip="正在加载页面…" size="large">
        <div style={{ height: 48 }} />
      </Spin>
    </div>
  );
}

export function MessageBridge() {
  const { message } = AntApp.useApp();
  useEffect(() => setMessageApi(message), [message]);
  return null;
}
