/**
 * 上报: category (search by name or synonym), description with the classifier's hint, up to 9 photos,
 * location (GPS, a map pick or 我家; none assumed), anonymous; the nearby same-category prompt before submitting; then the photos are uploaded.
 */
import {
  Button,
  Dialog,
  Form,
  ImageUploader,
  type ImageUploadItem,
  Input,
  List,
  NavBar,
  Switch,
  TextArea,
  Toast,
} from 'antd-mobile';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../../../shared/api';
import {
  type MyCase,
  cleanExtra,
  extraFieldLabel,
  missingExtra,
  type NearbyCase,
  suggestionText,
} from '../../../shared/cases';
import { useCategories, usePreselectCategory, useSuggestion } from '../../../shared/categories';
import { loadCountyOutline } from '../../../shared/geo';
import { resizePhoto } from '../../../shared/photo-resize';
import { type StagedPhoto, uploadStagedPhoto } from '../../../shared/photo-upload';
import { useLoad } from '../../../shared/useLoad';
import { newUuid } from '../../../shared/uuid';
import { useI18n } from '../../i18n';
import { useSite } from '../../session';
import { CategoryField } from './CategoryField';
import { ExtraFields } from './ExtraFields';
import { LocationField, type ReportLocation } from './LocationField';

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
/** A camera's original may be large: it is made small on the phone before it goes. */
const MAX_ORIGINAL_BYTES = 30 * 1024 * 1024;

export function ReportPage() {
  const { t, lang } = useI18n();
  const site = useSite();
  const navigate = useNavigate();
  const categories = useCategories();
  const geo = useLoad(async () => ({ outline: await loadCountyOutline(site.county.code) }), [site.county.code]);
  const [key] = useState(newUuid);
  const [categoryCode, setCategoryCode] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [address, setAddress] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [extra, setExtra] = useState<Record<string, unknown>>({});
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const [location, setLocation] = useState<ReportLocation | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const suggestion = useSuggestion(description);
  const markChosen = usePreselectCategory(suggestion, categoryCode, setCategoryCode);
  const point = location && location.source !== 'household' ? location.point : null;
  const extraFields = categories.find((c) => c.code === categoryCode)?.extraFields ?? [];
  // photos go up when picked (resized on the phone, retried), while the resident writes; the report names them
  const [uploading, setUploading] = useState<Record<string, number>>({});
  const photoIds = useMemo(() => photos.map((p) => (p.extra as StagedPhoto).id), [photos]);
  const inFlight = Object.values(uploading);
  const uploadPhoto = async (f: File) => {
    const key = `${f.name}-${f.size}-${f.lastModified}-${Math.random()}`;
    const track = (fraction: number) => setUploading((u) => ({ ...u, [key]: fraction }));
    track(0);
    try {
      const small = await resizePhoto(f);
      const staged = await uploadStagedPhoto(small.blob, small.type, track);
      return { url: URL.createObjectURL(small.blob), extra: staged };
    } catch (e) {
      setError(t('report.photoFailed', { n: 1, msg: errorMessage(e) }));
      throw e;
    } finally {
      setUploading(({ [key]: _, ...rest }) => rest);
    }
  };

  /** true: go on and create; false: the resident followed the nearby case. */
  const nearbyCheck = async (code: string): Promise<boolean> => {
    if (!point) return true;
    const near = await api
      .get<NearbyCase[]>('/api/cases/nearby', { categoryCode: code, lng: point[0], lat: point[1] })
      .catch(() => [] as NearbyCase[]);
    if (!near.length) return true;
    const n = near[0];
    const follow = await Dialog.confirm({
      title: t('report.nearby'),
      content: t('report.nearbyHint', {
        n: Math.max(10, Math.round(n.distanceMeters)),
        title: n.title,
        number: n.number,
      }),
      confirmText: t('report.follow'),
      cancelText: t('report.continue'),
    });
    if (!follow) return true;
    await api.post(`/api/cases/${n.id}/follow`);
    Toast.show({ icon: 'success', content: t('report.followed') });
    navigate('/', { replace: true });
    return false;
  };

  const submit = async () => {
    setError(null);
    if (!categoryCode) return setError(t('report.categoryRule'));
    if (description.trim().length < 2) return setError(t('report.descriptionRule'));
    const missing = missingExtra(extraFields, extra);
    if (missing) return setError(t('report.extraRequired', { field: extraFieldLabel(missing, lang) }));
    if (!location) return setError(t('report.locationRule'));
    if (inFlight.length) return setError(t('report.photosUploading'));
    setBusy(true);
    try {
      if (!(await nearbyCheck(categoryCode))) return;
      const c = await api.postWith<MyCase>(
        '/api/cases',
        {
          description: description.trim(),
          categoryCode,
          ...(location.source === 'household'
            ? { locationSource: 'household', householdCode: location.householdCode }
            : {
                locationSource: location.source,
                lng: location.point[0],
                lat: location.point[1],
                coordSystem: 'wgs84',
              }),
          address: address.trim() || undefined,
          anonymous,
          extra: cleanExtra(extraFields, extra),
          photoIds,
        },
        { 'Idempotency-Key': key },
      );
      navigate(`/report/done/${c.id}`, { replace: true, state: { number: c.number } });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="cc-m-page" data-testid="m-report">
      <NavBar backIcon={null} className="cc-m-nav">
        {t('report.title')}
      </NavBar>
      <List mode="card" className="cc-m-list">
        <CategoryField
          categories={categories}
          value={categoryCode}
          onChange={(c) => {
            markChosen();
            setCategoryCode(c);
          }}
        />
      </List>
      <Form layout="vertical" mode="card" className="cc-m-report-form">
        <ExtraFields
          fields={extraFields}
          values={extra}
          onChange={(v) => {
            setExtra(v);
            setError(null);
          }}
        />
        <Form.Item
          label={t('report.description')}
          description={
            suggestion && (
              <div className="cc-m-suggest" data-testid="m-suggestion">
                {suggestionText(suggestion, lang)}
                <br />
                <span className="cc-m-hint">{t('report.suggestNote')}</span>
              </div>
            )
          }
        >
          <TextArea
            value={description}
            onChange={setDescription}
            placeholder={t('report.descriptionPlaceholder')}
            rows={4}
            maxLength={2000}
            showCount
            id="cc-m-description"
          />
        </Form.Item>
        <Form.Item label={t('report.photos')}>
          <ImageUploader
            value={photos}
            onChange={setPhotos}
            maxCount={9}
            multiple
            accept="image/jpeg,image/png,image/webp"
            beforeUpload={(f) => {
              if (!PHOTO_TYPES.includes(f.type) || f.size > MAX_ORIGINAL_BYTES) {
                Toast.show({ content: t('report.photoTooBig') });
                return null;
              }
              return f;
            }}
            upload={uploadPhoto}
            data-testid="m-photos"
          />
          {inFlight.length > 0 && (
            <div className="cc-m-hint" role="status" data-testid="m-photo-progress">
              {t('report.photoProgress', {
                n: inFlight.length,
                p: Math.round((inFlight.reduce((a, b) => a + b, 0) / inFlight.length) * 100),
              })}
            </div>
          )}
        </Form.Item>
        <Form.Item label={t('report.location')}>
          <LocationField
            outline={geo.data?.outline ?? null}
            value={location}
            onChange={(l) => {
              setLocation(l);
              setError(null);
            }}
          />
        </Form.Item>
        <Form.Item label={t('report.address')}>
          <Input
            value={address}
            onChange={setAddress}
            placeholder={t('report.addressPlaceholder')}
            maxLength={200}
            clearable
          />
        </Form.Item>
        <Form.Item
          label={t('report.anonymous')}
          description={t('report.anonymousHint')}
          layout="horizontal"
          childElementPosition="right"
        >
          <Switch checked={anonymous} onChange={setAnonymous} data-testid="m-anonymous" />
        </Form.Item>
      </Form>
      {error && (
        <div className="cc-m-error cc-m-inset" role="alert" data-testid="m-report-error">
          {error}
        </div>
      )}
      <div className="cc-m-inset">
        <Button block color="primary" size="large" loading={busy} onClick={submit} data-testid="m-report-submit">
          {t('report.submit')}
        </Button>
      </div>
    </div>
  );
}
