// Global error display: the shell registers antd's message API here (it needs the App context),
// and the query client reports every failed mutation through it, so no refusal goes unseen.
import type { MessageInstance } from 'antd/es/message/interface';
import { errorMessage } from '../api/errors.ts';

let messageApi: MessageInstance | undefined;

export function setMessageApi(api: MessageInstance): void {
  messageApi = api;
}

export function notifyError(error: unknown): void {
  void messageApi?.error({ content: errorMessage(error), duration: 6 });
}

export function notifySuccess(text: string): void {
  void messageApi?.success(text);
}
