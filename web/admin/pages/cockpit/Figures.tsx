/**
 * A panel's figures: the value in its unit, the change against the previous period and last year (arrow
 * and words), a link to the records behind it when the server gives one, the formula on hover or focus.
 */
import { FileExcelOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { CockpitFigure } from '../../../../src/server/cockpit/cockpit.schema';
import { useDownload } from '../../components/useDownload';
import { useI18n } from '../../i18n';
import { change, formatNumber, unitSuffix } from './format';
import { useUnitWords } from './words';

/** A console path of the server's (relative to /admin) as a router path. */
export const consolePath = (drill: string) => (drill.startsWith('/') ? drill : `/${drill}`);

function ChangeLine({
  label,
  now,
  before,
  figure,
}: {
  label: string;
  now: number | null;
  before: number | null;
  figure: CockpitFigure;
}) {
  const { t } = useI18n();
  const words = useUnitWords();
  const c = change(now, before, figure.unit, words);
  const text = !c ? '—' : c.direction === 'flat' ? t('ck.flat') : `${t(`ck.${c.direction}`)} ${c.amount}`;
  return (
    <div className="cc-ck-change">
      <span>{label}</span>{' '}
      <span className={c ? `cc-ck-${c.direction}` : undefined}>
        {c && c.direction !== 'flat' && <span aria-hidden>{c.arrow} </span>}
        {text}
      </span>
    </div>
  );
}

export function FigureTile({ figure, testId }: { figure: CockpitFigure; testId: string }) {
  const { t, pick } = useI18n();
  const words = useUnitWords();
  const exporter = useDownload();
  const label = pick(figure.label.zh, figure.label.en);
  const suffix = unitSuffix(figure.unit, words);
  const number = formatNumber(figure.value, figure.unit);
  const value = (
    <>
      <span className="cc-ck-value">{number}</span>
      {suffix && number !== '—' && <span className="cc-ck-unit"> {suffix}</span>}
    </>
  );
  return (
    <div className="cc-ck-figure" data-testid={testId}>
      <div className="cc-ck-label">
        <span className="cc-ck-muted">{label}</span>
        {figure.formula && (
          <Tooltip title={`${t('ck.formula')}：${pick(figure.formula.zh, figure.formula.en)}`}>
            <QuestionCircleOutlined className="cc-ck-help" tabIndex={0} aria-label={t('ck.formula')} />
          </Tooltip>
        )}
        {figure.ledger && (
          <Tooltip title={t('ck.ledger')}>
            <Button
              type="text"
              size="small"
              icon={<FileExcelOutlined />}
              aria-label={`${label} ${t('ck.ledger')}`}
              loading={exporter.busy}
              onClick={() => exporter.download(figure.ledger!, {}, `${figure.key}.xlsx`)}
            />
          </Tooltip>
        )}
      </div>
      {figure.drill ? (
        <Link to={consolePath(figure.drill)} aria-label={`${label} ${number}${suffix}，${t('ck.openRecords')}`}>
          {value}
        </Link>
      ) : (
        <div>{value}</div>
      )}
      <ChangeLine label={t('ck.vsPrevious')} now={figure.value} before={figure.previous} figure={figure} />
      <ChangeLine label={t('ck.vsLastYear')} now={figure.value} before={figure.lastYear} figure={figure} />
    </div>
  );
}
