/**
 * antd-mobile's Toast, loaded when a page first shows one: its animation code (react-spring) is not
 * in the page's first load on a slow network (the report form, issue #11).
 */
import type { ToastShowProps } from 'antd-mobile';

export function showToast(props: ToastShowProps): void {
  void import('./toast-show').then(({ toastShow }) => toastShow(props));
}
