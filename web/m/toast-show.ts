/** The lazily loaded half of toast.ts (its own chunk). */
import { Toast, type ToastShowProps } from 'antd-mobile';

export const toastShow = (props: ToastShowProps): void => {
  Toast.show(props);
};
