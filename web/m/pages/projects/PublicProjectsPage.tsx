/**
 * 民生实事进度公开, without signing in (/m/public/projects, outside the session gate, linked from the
 * sign-in page): pick a town, then a village, and see its projects — the village's, its town's and its
 * county's — with their progress. `?place=<12-digit code>` opens a village at once (a link or QR posted there).
 */
import { Button, DotLoading, ErrorBlock, NavBar, Selector } from 'antd-mobile';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../shared/api';
import { type Division, fetchChildren } from '../../../shared/divisions';
import { useLoad } from '../../../shared/useLoad';
import { useI18n } from '../../i18n';
import { useSiteIfLoaded } from '../../session';
import { ProjectList } from './ProjectsNearPage';

function Choose({
  parent,
  value,
  onPick,
  testId,
}: {
  parent: string;
  value: string;
  onPick: (code: string) => void;
  testId: string;
}) {
  const list = useLoad(() => fetchChildren(parent), [parent]);
  if (list.error) return <ErrorBlock status="disconnected" description={errorMessage(list.error)} />;
  if (!list.data) return <DotLoading color="primary" />;
  return (
    <Selector
      data-testid={testId}
      columns={3}
      value={value ? [value] : []}
      onChange={(v) => v[0] && onPick(v[0])}
      options={list.data.map((d: Division) => ({ label: d.name, value: d.code }))}
    />
  );
}

export function PublicProjectsPage() {
  const { t } = useI18n();
  const site = useSiteIfLoaded();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const place = /^[0-9]{12}$/.test(params.get('place') ?? '') ? (params.get('place') as string) : '';
  const town = /^[0-9]{9}$/.test(params.get('town') ?? '') ? (params.get('town') as string) : place.slice(0, 9);
  const pick = (next: { town?: string; place?: string }) =>
    setParams(next as Record<string, string>, { replace: true });
  return (
    <div className="cc-m-page" data-testid="m-public-projects">
      <NavBar onBack={() => navigate('/sign-in')}>{t('pjm.publicTitle')}</NavBar>
      <div className="cc-m-hint">{t('pjm.publicHint')}</div>
      {!site ? (
        <DotLoading color="primary" />
      ) : (
        <>
          <h3>{t('pjm.pickTown')}</h3>
          <Choose parent={site.county.code} value={town} onPick={(c) => pick({ town: c })} testId="m-pj-towns" />
          {town && (
            <>
              <h3>{t('pjm.pickVillage')}</h3>
              <Choose parent={town} value={place} onPick={(c) => pick({ town, place: c })} testId="m-pj-villages" />
            </>
          )}
        </>
      )}
      {place && (
        <>
          <h3>{t('pjm.title')}</h3>
          <ProjectList place={place} />
        </>
      )}
      <Button block fill="none" color="primary" onClick={() => navigate('/sign-in')} style={{ marginTop: 16 }}>
        {t('pjm.toSignIn')}
      </Button>
    </div>
  );
}
