/** The bottom sheet of useNearbyPrompt (NearbyPrompt.tsx): its own chunk, loaded when the report form shows. */
import { Button, Popup } from 'antd-mobile';
import { useI18n } from '../../i18n';

export interface Ask {
  title: string;
  content: string;
}

export default function NearbySheet({ ask, answer }: { ask: Ask | null; answer: (follow: boolean) => void }) {
  const { t } = useI18n();
  return (
    <Popup visible={ask !== null} onMaskClick={() => answer(false)} position="bottom" bodyClassName="cc-m-sheet">
      {ask && (
        <div role="dialog" aria-labelledby="cc-m-nearby-title" className="cc-m-section">
          <div id="cc-m-nearby-title" className="cc-m-section-label">
            {ask.title}
          </div>
          <p className="cc-m-desc">{ask.content}</p>
          <Button block color="primary" size="large" onClick={() => answer(true)}>
            {t('report.follow')}
          </Button>
          <Button block size="large" style={{ marginTop: 10 }} onClick={() => answer(false)}>
            {t('report.continue')}
          </Button>
        </div>
      )}
    </Popup>
  );
}
