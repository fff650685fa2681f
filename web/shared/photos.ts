/** Uploads a case's photos one by one (raw image bodies); returns how many failed and the first message. */
import { api, errorMessage } from './api';
import type { CasePhoto } from './cases';

export async function uploadPhotos(
  caseId: string,
  stage: CasePhoto['stage'],
  files: File[],
): Promise<{ failed: number; message: string }> {
  let failed = 0;
  let message = '';
  for (const f of files) {
    try {
      await api.upload<CasePhoto>(`/api/cases/${caseId}/photos`, f, f.type || 'image/jpeg', { stage });
    } catch (e) {
      failed++;
      message ||= errorMessage(e);
    }
  }
  return { failed, message };
}
