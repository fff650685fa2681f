/** 区划 the division tree from the county down, loaded lazily, with a detail panel for the selected node. */
import { Card, Col, Row } from 'antd';
import { useState } from 'react';
import type { Division } from '../../../shared/divisions';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useSite } from '../../session';
import { DivisionDetail } from './DivisionDetail';
import { DivisionTree } from './DivisionTree';

export function DivisionsPage() {
  const { t } = useI18n();
  const site = useSite();
  const [selected, setSelected] = useState<Division | null>(null);

  return (
    <>
      <PageTitle title={t('menu.divisions')} hint={t('divisions.hint')} />
      <Row gutter={16}>
        <Col xs={24} lg={10} xxl={8}>
          <Card size="small" title={t('divisions.tree')} className="cc-tree-card">
            <DivisionTree rootCode={site.county.code} selectedCode={selected?.code ?? null} onSelect={setSelected} />
          </Card>
        </Col>
        <Col xs={24} lg={14} xxl={16}>
          <DivisionDetail division={selected} />
        </Col>
      </Row>
    </>
  );
}
