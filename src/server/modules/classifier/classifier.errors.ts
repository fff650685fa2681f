/** Error codes of the classifier module (report classification): status, Chinese and English message. */
import { defineErrors } from '../../platform/errors';

export const CLASSIFIER_ERRORS = defineErrors({
  classifier_empty_text: { status: 400, zh: '请输入要归类的文字', en: 'Give some text to classify' },
  classifier_unavailable: {
    status: 503,
    zh: '自动归类暂不可用，请手动选择类别（{reason}）',
    en: 'Automatic classification is unavailable; choose the category by hand ({reason})',
  },
});

type ClassifierErrors = typeof CLASSIFIER_ERRORS;
declare module '../../platform/errors' {
  interface ErrorCodes extends ClassifierErrors {}
}
