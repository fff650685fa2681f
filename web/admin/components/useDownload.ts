/** A file download from the API with its busy state; a refusal shows as a message in the reader's language. */
import { App } from 'antd';
import { useState } from 'react';
import { api, errorMessage, type Query } from '../../shared/api';

export function useDownload(): {
  busy: boolean;
  download: (path: string, query: Query, name: string) => Promise<void>;
} {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async (path: string, query: Query, name: string) => {
    setBusy(true);
    try {
      await api.download(path, query, name);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, download };
}
