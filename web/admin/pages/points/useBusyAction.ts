import { App } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../shared/api';

/** `[busy, run]`: `run(action)` sets busy while the action runs and shows a failure as an error message. */
export function useBusyAction() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return [busy, run] as const;
}
