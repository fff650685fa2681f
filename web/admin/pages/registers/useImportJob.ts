/** Starts an import job (the file as the raw body) and polls its progress until it is done or failed. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../../shared/api';
import type { ImportJob } from '../../../shared/people';

export type ImportMode = ImportJob['mode'];

export function formatOf(file: File): 'xlsx' | 'csv' | null {
  const name = file.name.toLowerCase();
  return name.endsWith('.xlsx') ? 'xlsx' : name.endsWith('.csv') ? 'csv' : null;
}

export function useImportJob() {
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  const run = useCallback(async (sheet: string, mode: ImportMode, file: File): Promise<ImportJob | null> => {
    setBusy(true);
    setError(null);
    setJob(null);
    try {
      const format = formatOf(file) ?? 'xlsx';
      const { jobId } = await api.upload<{ jobId: string }>(
        `/api/registers/${sheet}/imports`,
        file,
        'application/octet-stream',
        { mode, format },
      );
      for (;;) {
        const j = await api.get<ImportJob>(`/api/registers/imports/${jobId}`);
        if (!alive.current) return null;
        setJob(j);
        if (j.state !== 'running') return j;
        await new Promise((r) => setTimeout(r, 400));
      }
    } catch (e) {
      if (alive.current) setError(e);
      return null;
    } finally {
      if (alive.current) setBusy(false);
    }
  }, []);

  const reset = useCallback(() => {
    setJob(null);
    setError(null);
  }, []);
  return { job, error, busy, run, reset };
}
