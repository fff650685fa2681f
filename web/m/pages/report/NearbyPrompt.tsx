/**
 * "附近已有相同问题，是否关注它？" as a bottom sheet (Popup, already on the page) rather than antd-mobile's
 * Dialog, which would add its own code to the report page's first load on a slow network.
 */
import { Button, Popup } from 'antd-mobile';
import { useRef, useState } from 'react';
import { useI18n } from '../../i18n';

interface Ask {
  title: string;
  content: string;
}

/** `ask(...)` resolves true (follow it) or false (report anyway); `prompt` is the element to render. */
export function useNearbyPrompt() {
  const { t } = useI18n();
  const [open, setOpen] = useState<Ask | null>(null);
  const resolver = useRef<(follow: boolean) => void>(() => {});
  const answer = (follow: boolean) => {
    setOpen(null);
    resolver.current(follow);
  };
  const ask = (a: Ask) =>
    new Promise<boolean>((resolve) => {
      resolver.current = resolve;
      setOpen(a);
    });
  const prompt = (
    <Popup visible={open !== null} onMaskClick={() => answer(false)} position="bottom" bodyClassName="cc-m-sheet">
      {open && (
        <div role="dialog" aria-labelledby="cc-m-nearby-title" className="cc-m-section">
          <div id="cc-m-nearby-title" className="cc-m-section-label">
            {open.title}
          </div>
          <p className="cc-m-desc">{open.content}</p>
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
  return { ask, prompt };
}
