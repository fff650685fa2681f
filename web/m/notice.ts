/**
 * How the resident app tells a person something went wrong. In the elderly mode (适老化) an error
 * stays until it is read: a dialog closed with a big "知道了" button, never a toast that vanishes
 * after two seconds. In the normal mode, a toast that stays a little longer than the default.
 */
import { Dialog, Toast } from 'antd-mobile';
import { errorMessage } from '../shared/api';

const elderly = () => document.documentElement.classList.contains('cc-elderly');
const OK = () => (document.documentElement.lang.startsWith('en') ? 'OK' : '知道了');

/** Shows an error (a caught exception or a message) the way the mode asks. */
export function showError(e: unknown): void {
  const content = typeof e === 'string' ? e : errorMessage(e);
  if (elderly()) void Dialog.alert({ content, confirmText: OK() });
  else Toast.show({ icon: 'fail', content, duration: 3500 });
}
