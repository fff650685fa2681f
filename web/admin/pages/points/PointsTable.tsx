/** The table of the points pages: compact, bordered, the points "empty" text, small pagination hidden on a single page. */
import { Table, type TableProps } from 'antd';
import { useI18n } from '../../i18n';

/** Any antd Table prop may be given; `pageSize` sets the small pagination, `false` turns it off. */
export function PointsTable<T extends object>({
  pageSize = 20,
  ...props
}: Omit<TableProps<T>, 'pagination'> & { pageSize?: number | false }) {
  const { t } = useI18n();
  return (
    <Table<T>
      size="small"
      bordered
      locale={{ emptyText: t('pts.empty') }}
      pagination={pageSize === false ? false : { pageSize, size: 'small', hideOnSinglePage: true }}
      {...props}
    />
  );
}
