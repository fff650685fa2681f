/** A page of 头雁 people (audited on the server): name, village, education, teams, posts with overlaps, masked phone. */
import { Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../shared/api';
import { type Page, usePaged } from '../../../shared/usePaged';
import { ErrorAlert } from '../../components/ErrorResult';
import { LoadMore } from '../../components/LoadMore';
import { useI18n } from '../../i18n';
import { BODY_LABELS, EDUCATION_LABELS, label, type PersonLine, POST_LABELS, TEAM_LABELS } from './types';

export function PeopleTable({ scope, team, plan }: { scope?: string; team?: string; plan?: boolean }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const people = usePaged(
    (cursor) => api.get<Page<PersonLine>>('/api/leaders/people', { scope, team, name: name || undefined, cursor }),
    [scope, team, name],
  );
  return (
    <>
      <Input.Search
        allowClear
        placeholder={t('ldr.search')}
        style={{ width: 240, marginBottom: 12 }}
        onSearch={(v) => setName(v.trim())}
      />
      <ErrorAlert error={people.error} onRetry={people.reload} />
      <Table<PersonLine>
        rowKey="id"
        size="small"
        data-testid="leaders-people"
        loading={people.loading}
        dataSource={people.items}
        pagination={false}
        onRow={(p) => ({ onClick: () => navigate(`/leaders/people/${p.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('ldr.village'), dataIndex: 'villageName', width: 150 },
          { title: t('ldr.name'), dataIndex: 'name', width: 90 },
          {
            title: t('ldr.education'),
            dataIndex: 'education',
            width: 90,
            render: (e: PersonLine['education']) => label(EDUCATION_LABELS[e], lang),
          },
          { title: t('ldr.phone'), dataIndex: 'phoneMasked', width: 120 },
          {
            title: t('ldr.teams'),
            dataIndex: 'teams',
            render: (ts: PersonLine['teams']) => ts.map((x) => <Tag key={x}>{label(TEAM_LABELS[x], lang)}</Tag>),
          },
          plan
            ? { title: t('ldr.mentor'), dataIndex: 'mentor', width: 100 }
            : {
                title: t('ldr.posts'),
                dataIndex: 'posts',
                render: (ps: PersonLine['posts']) =>
                  ps.map((p) => (
                    <Tag key={p.id} color={p.overlap ? 'red' : undefined}>
                      {label(BODY_LABELS[p.body], lang)}
                      {label(POST_LABELS[p.post], lang)} {p.termStart}～{p.termEnd}
                      {p.overlap ? ` · ${t('ldr.overlap')}` : ''}
                    </Tag>
                  )),
              },
        ]}
      />
      <LoadMore paged={people} />
    </>
  );
}
