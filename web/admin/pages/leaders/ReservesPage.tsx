/** 后备干部: the reserve cadres with their mentors (plans on each record); the 台账 export. */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { api } from '../../../shared/api';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { PeopleTable } from './PeopleTable';

export function ReservesPage() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle
        title={t('menu.leadersReserves')}
        hint={t('ldr.reservesHint')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void api.download('/api/leaders/reserves/export.xlsx', {}, 'reserve-cadres.xlsx')}
          >
            {t('ldr.exportReserves')}
          </Button>
        }
      />
      <Card size="small">
        <PeopleTable team="reserve" plan />
      </Card>
    </>
  );
}
