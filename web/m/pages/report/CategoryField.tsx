/** The category picker: a popup with a search over names and synonyms; leaves listed under their major category. */
import { List, NavBar, Popup, SearchBar } from 'antd-mobile';
import { useMemo, useState } from 'react';
import { type Category, categoryName, searchCategories } from '../../../shared/cases';
import { useI18n } from '../../i18n';

interface Props {
  categories: Category[];
  value: string | null;
  onChange: (code: string) => void;
}

export function CategoryField({ categories, value, onChange }: Props) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const majors = useMemo(
    () => new Map(categories.filter((c) => c.kind === 'major').map((c) => [c.code, c])),
    [categories],
  );
  const items = useMemo(() => searchCategories(categories, q).slice(0, 100), [categories, q]);
  const chosen = categories.find((c) => c.code === value);

  return (
    <>
      <List.Item
        onClick={() => setOpen(true)}
        extra={
          chosen ? (
            <span data-testid="m-category-value">{categoryName(chosen, lang)}</span>
          ) : (
            <span className="cc-m-placeholder">{t('report.pickCategory')}</span>
          )
        }
        data-testid="m-category"
      >
        {t('report.category')}
      </List.Item>
      <Popup
        visible={open}
        onMaskClick={() => setOpen(false)}
        position="bottom"
        bodyClassName="cc-m-picker"
        destroyOnClose
      >
        <NavBar
          backIcon={null}
          right={
            <span className="cc-m-link" onClick={() => setOpen(false)}>
              {t('action.cancel')}
            </span>
          }
        >
          {t('report.category')}
        </NavBar>
        <SearchBar
          placeholder={t('report.categorySearch')}
          value={q}
          onChange={setQ}
          style={{ margin: '0 12px 8px' }}
          data-testid="m-category-search"
        />
        <div className="cc-m-picker-list" data-testid="m-category-list">
          <List>
            {items.map((c) => (
              <List.Item
                key={c.code}
                description={`${categoryName(majors.get(c.parentCode ?? ''), lang, c.parentCode ?? '')}${c.synonyms.length ? ` · ${c.synonyms.slice(0, 3).join('、')}` : ''}`}
                onClick={() => {
                  onChange(c.code);
                  setOpen(false);
                  setQ('');
                }}
                data-code={c.code}
                arrowIcon={false}
              >
                {categoryName(c, lang)}
              </List.Item>
            ))}
          </List>
        </div>
      </Popup>
    </>
  );
}
