/**
 * The report's photos (up to 9): each made small on the phone, then sent at once while the resident
 * writes (progress shown, retried). Without network a photo stays on the phone (待发送) and goes with
 * the saved report later. A plain file input and thumbnails: lighter than antd-mobile's uploader on a
 * slow network.
 */
import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../../shared/api';
import { resizePhoto } from '../../../shared/photo-resize';
import { uploadStagedPhoto } from '../../../shared/photo-upload';
import { useI18n } from '../../i18n';

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
/** A camera's original may be large: it is made small on the phone before it goes. */
const MAX_ORIGINAL_BYTES = 30 * 1024 * 1024;
const MAX_PHOTOS = 9;

export interface ReportPhoto {
  key: string;
  url: string;
  blob: Blob;
  type: string;
  /** uploading: on its way; staged: on the server (stagedId); local: kept on the phone, sent with the report later. */
  state: 'uploading' | 'staged' | 'local';
  stagedId: string | null;
  progress: number;
}

export function usePhotos(onError: (message: string) => void) {
  const { t } = useI18n();
  const [photos, setPhotos] = useState<ReportPhoto[]>([]);
  const update = (key: string, patch: Partial<ReportPhoto>) =>
    setPhotos((ps) => ps.map((p) => (p.key === key ? { ...p, ...patch } : p)));

  const addOne = async (f: File) => {
    if (!PHOTO_TYPES.includes(f.type) || f.size > MAX_ORIGINAL_BYTES) return onError(t('report.photoTooBig'));
    const key = `${f.name}-${f.size}-${f.lastModified}-${Math.random()}`;
    const small = await resizePhoto(f);
    const offline = !navigator.onLine;
    const photo: ReportPhoto = {
      key,
      url: URL.createObjectURL(small.blob),
      blob: small.blob,
      type: small.type,
      state: offline ? 'local' : 'uploading',
      stagedId: null,
      progress: 0,
    };
    setPhotos((ps) => [...ps, photo]);
    if (offline) return;
    try {
      const staged = await uploadStagedPhoto(small.blob, small.type, (progress) => update(key, { progress }));
      update(key, { state: 'staged', stagedId: staged.id });
    } catch (e) {
      // no network: kept on the phone for the saved report; refused by the server: dropped, with why
      if (e instanceof ApiError && e.status === 0) update(key, { state: 'local' });
      else {
        setPhotos((ps) => ps.filter((p) => p.key !== key));
        onError(t('report.photoFailed', { n: 1, msg: errorMessage(e) }));
      }
    }
  };

  const add = (files: FileList | null) => {
    const room = MAX_PHOTOS - photos.length;
    for (const f of [...(files ?? [])].slice(0, Math.max(0, room)))
      addOne(f).catch((e) => onError(t('report.photoFailed', { n: 1, msg: errorMessage(e) })));
  };
  const remove = (key: string) =>
    setPhotos((ps) => {
      const gone = ps.find((p) => p.key === key);
      if (gone) URL.revokeObjectURL(gone.url);
      return ps.filter((p) => p.key !== key);
    });
  return { photos, add, remove };
}

interface Props {
  photos: ReportPhoto[];
  add: (files: FileList | null) => void;
  remove: (key: string) => void;
}

export function PhotoField({ photos, add, remove }: Props) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const uploading = photos.filter((p) => p.state === 'uploading');
  return (
    <div data-testid="m-photos">
      <div className="cc-m-photos">
        {photos.map((p) => (
          <div key={p.key} className="cc-m-photo" data-state={p.state}>
            <img src={p.url} alt="" />
            {p.state === 'local' && <span className="cc-m-photo-badge">{t('report.photoWaiting')}</span>}
            <button
              type="button"
              className="cc-m-photo-remove"
              aria-label={t('report.removePhoto')}
              onClick={() => remove(p.key)}
            >
              <CloseOutlined />
            </button>
          </div>
        ))}
        {photos.length < MAX_PHOTOS && (
          <label className="cc-m-photo cc-m-photo-add">
            <PlusOutlined />
            <span>{t('report.addPhoto')}</span>
            <input
              ref={input}
              type="file"
              accept="image/jpeg,image/png,image/webp"
              multiple
              onChange={(e) => {
                add(e.target.files);
                e.target.value = '';
              }}
            />
          </label>
        )}
      </div>
      {uploading.length > 0 && (
        <div className="cc-m-hint" role="status" data-testid="m-photo-progress">
          {t('report.photoProgress', {
            n: uploading.length,
            p: Math.round((uploading.reduce((a, b) => a + b.progress, 0) / uploading.length) * 100),
          })}
        </div>
      )}
    </div>
  );
}
