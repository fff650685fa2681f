/** Choose up to 9 photos (JPEG, PNG, WebP, ≤ 10 MB each) with thumbnails; uploaded by the caller after the step. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Upload, type UploadFile } from 'antd';
import { useEffect, useMemo } from 'react';
import { useI18n } from '../../i18n';

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
export const MAX_PHOTOS = 9;
const MAX_BYTES = 10 * 1024 * 1024;

export function PhotoPicker({
  files,
  onChange,
  testId,
}: {
  files: File[];
  onChange: (f: File[]) => void;
  testId?: string;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const list = useMemo<UploadFile[]>(
    () =>
      files.map((f, i) => ({
        uid: `${i}-${f.name}`,
        name: f.name,
        status: 'done',
        thumbUrl: URL.createObjectURL(f),
        originFileObj: f as UploadFile['originFileObj'],
      })),
    [files],
  );
  useEffect(
    () => () => {
      for (const f of list) if (f.thumbUrl) URL.revokeObjectURL(f.thumbUrl);
    },
    [list],
  );
  return (
    <Upload
      listType="picture-card"
      accept={PHOTO_TYPES.join(',')}
      multiple
      fileList={list}
      beforeUpload={(f) => {
        if (!PHOTO_TYPES.includes(f.type) || f.size > MAX_BYTES) {
          message.error(`${f.name}: JPEG/PNG/WebP ≤ 10 MB`);
          return Upload.LIST_IGNORE;
        }
        onChange([...files, f].slice(0, MAX_PHOTOS));
        return false;
      }}
      onRemove={(u) => {
        onChange(files.filter((_, i) => `${i}-${files[i].name}` !== u.uid));
        return true;
      }}
      data-testid={testId ?? 'photo-picker'}
    >
      {files.length < MAX_PHOTOS && (
        <div>
          <PlusOutlined />
          <div style={{ marginTop: 4, fontSize: 12 }}>{t('act.photo')}</div>
        </div>
      )}
    </Upload>
  );
}
