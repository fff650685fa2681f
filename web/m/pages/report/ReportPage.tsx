/**
 * 上报: what the problem is in plain words (a guess from the description shown as a phrase), the
 * description, up to 9 photos, location (GPS, a map pick or 我家; none assumed), anonymous; the nearby
 * same-category prompt before submitting. Without network the report is kept on the phone and sent
 * when the network is back (web/m/outbox), under the same Idempotency-Key.
 *
 * Light on purpose (the report form must be usable in < 5 s on slow 3G): no antd-mobile Form,
 * ImageUploader or Dialog; the problem words are asked with the page's chunk, the outbox loads beside it.
 */
import { Button, Input, List, Switch, TextArea } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, ApiError, errorMessage } from '../../../shared/api';
import { cleanExtra, extraFieldLabel, type MyCase, missingExtra, type NearbyCase } from '../../../shared/cases';
import { useSuggestion } from '../../../shared/categories';
import { loadCountyOutline } from '../../../shared/geo';
import { guessProblem, type ProblemWord } from '../../../shared/problem-words';
import { useLoad } from '../../../shared/useLoad';
import { newUuid } from '../../../shared/uuid';
import { useI18n } from '../../i18n';
import { showToast } from '../../toast';
import { useSession, useSite } from '../../session';
import { ExtraFields } from './ExtraFields';
import { LocationField, type ReportLocation } from './LocationField';
import { PhotoField, usePhotos } from './PhotoField';
import { useNearbyPrompt } from './NearbyPrompt';
import { ProblemField } from './ProblemField';
import { prefetchProblemWords, useProblemWords } from './useProblemWords';
import './report.css';

void prefetchProblemWords().catch(() => undefined); // with the page's chunk, not after its first render
const loadOutbox = () => import('../../outbox/outbox');

export function ReportPage() {
  const { t, lang } = useI18n();
  const site = useSite();
  const { me } = useSession();
  const navigate = useNavigate();
  const words = useProblemWords();
  const geo = useLoad(async () => ({ outline: await loadCountyOutline(site.county.code) }), [site.county.code]);
  const [key] = useState(newUuid);
  const [problem, setProblem] = useState<ProblemWord | null>(null);
  const [picked, setPicked] = useState(false); // the resident chose; the guess no longer changes it
  const [description, setDescription] = useState('');
  const [address, setAddress] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [extra, setExtra] = useState<Record<string, unknown>>({});
  const [location, setLocation] = useState<ReportLocation | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { photos, add, remove } = usePhotos(setError);
  const nearby = useNearbyPrompt();
  const suggestion = useSuggestion(description);
  const model = suggestion?.topCategory ?? null;
  const guess = guessProblem(words, description, model);
  const point = location && location.source !== 'household' ? location.point : null;
  const extraFields = problem?.extraFields ?? [];

  // the guess pre-selects while the resident has not chosen themselves
  useEffect(() => {
    if (!picked && guess && guess.id !== problem?.id) setProblem(guess);
  }, [picked, guess, problem?.id]);
  // the outbox's code is fetched while the network is there, so a report can be kept without it
  useEffect(() => {
    const timer = setTimeout(() => void loadOutbox().catch(() => undefined), 1500);
    return () => clearTimeout(timer);
  }, []);

  const choose = (w: ProblemWord) => {
    setPicked(true);
    setProblem(w);
    setExtra({});
    setError(null);
  };

  /** true: go on and create; false: the resident followed the nearby case. */
  const nearbyCheck = async (code: string): Promise<boolean> => {
    if (!point) return true;
    const near = await api
      .get<NearbyCase[]>('/api/cases/nearby', { categoryCode: code, lng: point[0], lat: point[1] })
      .catch(() => [] as NearbyCase[]);
    if (!near.length) return true;
    const n = near[0];
    const follow = await nearby.ask({
      title: t('report.nearby'),
      content: t('report.nearbyHint', {
        n: Math.max(10, Math.round(n.distanceMeters)),
        title: n.title,
        number: n.number,
      }),
    });
    if (!follow) return true;
    await api.post(`/api/cases/${n.id}/follow`);
    showToast({ icon: 'success', content: t('report.followed') });
    navigate('/', { replace: true });
    return false;
  };

  const body = (): Record<string, unknown> => ({
    description: description.trim(),
    categoryCode: problem!.categoryCode,
    ...(location!.source === 'household'
      ? { locationSource: 'household', householdCode: location!.householdCode }
      : { locationSource: location!.source, lng: location!.point[0], lat: location!.point[1], coordSystem: 'wgs84' }),
    address: address.trim() || undefined,
    anonymous,
    extra: cleanExtra(extraFields, extra),
  });

  /** Kept on the phone (photos as blobs), sent by the outbox when the network is back. */
  const keepOffline = async () => {
    const { newDraft, saveDraft } = await loadOutbox();
    await saveDraft(
      newDraft({
        key,
        userId: me.user.id,
        body: body(),
        title: `${problem!.word} · ${description.trim().slice(0, 20)}`,
        photos: photos.map((p) => ({ blob: p.stagedId ? null : p.blob, type: p.type, stagedId: p.stagedId })),
        now: Date.now(),
      }),
    );
    showToast({ content: t('report.savedOffline'), duration: 3000 });
    navigate('/me/reports', { replace: true });
  };

  const submit = async () => {
    setError(null);
    if (!problem) return setError(t('report.categoryRule'));
    if (description.trim().length < 2) return setError(t('report.descriptionRule'));
    const missing = missingExtra(extraFields, extra);
    if (missing) return setError(t('report.extraRequired', { field: extraFieldLabel(missing, lang) }));
    if (!location) return setError(t('report.locationRule'));
    if (photos.some((p) => p.state === 'uploading')) return setError(t('report.photosUploading'));
    setBusy(true);
    try {
      if (!navigator.onLine || photos.some((p) => p.state === 'local')) return await keepOffline();
      if (!(await nearbyCheck(problem.categoryCode))) return;
      const photoIds = photos.map((p) => p.stagedId).filter((x): x is string => !!x);
      const c = await api.postWith<MyCase>('/api/cases', { ...body(), photoIds }, { 'Idempotency-Key': key });
      navigate(`/report/done/${c.id}`, { replace: true, state: { number: c.number } });
    } catch (e) {
      // the network dropped on the way: kept, and sent again under the same key (one case, whatever happened)
      if (e instanceof ApiError && e.status === 0) await keepOffline().catch((x) => setError(errorMessage(x)));
      else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="cc-m-page" data-testid="m-report">
      <h2>{t('report.title')}</h2>
      <List mode="card" className="cc-m-list">
        <ProblemField words={words} value={problem} onChange={choose} />
      </List>
      <ExtraFields
        fields={extraFields}
        values={extra}
        onChange={(v) => {
          setExtra(v);
          setError(null);
        }}
      />
      <div className="cc-m-section">
        <label className="cc-m-section-label" htmlFor="cc-m-description">
          {t('report.description')}
        </label>
        <TextArea
          value={description}
          onChange={setDescription}
          placeholder={t('report.descriptionPlaceholder')}
          rows={4}
          maxLength={2000}
          showCount
          id="cc-m-description"
        />
        {guess && (
          <div className="cc-m-looks" data-testid="m-suggestion" role="status">
            <span>{t('report.looksLike', { word: guess.word })}</span>
            {problem?.id !== guess.id && (
              <button type="button" onClick={() => choose(guess)}>
                {t('report.useLooksLike')}
              </button>
            )}
          </div>
        )}
      </div>
      <div className="cc-m-section">
        <div className="cc-m-section-label">{t('report.photos')}</div>
        <PhotoField photos={photos} add={add} remove={remove} />
      </div>
      <div className="cc-m-section">
        <div className="cc-m-section-label">{t('report.location')}</div>
        <LocationField
          outline={geo.data?.outline ?? null}
          value={location}
          onChange={(l) => {
            setLocation(l);
            setError(null);
          }}
        />
      </div>
      <div className="cc-m-section">
        <label className="cc-m-section-label" htmlFor="cc-m-address">
          {t('report.address')}
        </label>
        <Input
          id="cc-m-address"
          value={address}
          onChange={setAddress}
          placeholder={t('report.addressPlaceholder')}
          maxLength={200}
          clearable
        />
      </div>
      <div className="cc-m-section cc-m-section-row">
        <div>
          <div className="cc-m-section-label">{t('report.anonymous')}</div>
          <div className="cc-m-hint">{t('report.anonymousHint')}</div>
        </div>
        <Switch
          checked={anonymous}
          onChange={setAnonymous}
          data-testid="m-anonymous"
          aria-label={t('report.anonymous')}
        />
      </div>
      {error && (
        <div className="cc-m-error cc-m-inset" role="alert" data-testid="m-report-error">
          {error}
        </div>
      )}
      {nearby.prompt}
      <div className="cc-m-inset">
        <Button block color="primary" size="large" loading={busy} onClick={submit} data-testid="m-report-submit">
          {t('report.submit')}
        </Button>
      </div>
    </div>
  );
}
