/** The classifier module's manifest: report classification and near-duplicates (see src/server/module.ts). */
import type { ModuleManifest } from '../../module';
import { AUDIT_LABELS } from './classifier.labels';
import { CLASSIFIER_ERRORS } from './classifier.errors';

export const classifierModule = {
  name: 'classifier',
  auditLabels: AUDIT_LABELS,
  errors: CLASSIFIER_ERRORS,
  commands: {
    classify: {
      usage: '< input.csv > output.csv',
      description:
        'Classify reports: reads CSV with a header id,title,body (other columns ignored) on stdin, writes id,label,probability on stdout, one line per row, in order.',
      load: async () => (await import('../../../cli/commands/classify')).classifyCommand,
    },
    'classifier retrain': {
      usage: '[--base complaints-train.csv] [--force [--yes]]',
      description: [
        "Retrain the classifier on the county's own cases whose category staff confirmed.",
        'Department-line model: trained on --base (CSV id,category,title,body) plus the closed county cases; switched to',
        '(DATA_DIR/models/department.model.json) only when not worse on held-back county cases, or with --force after typing',
        '"yes" (--yes for scripts). Category model: DATA_DIR/models/category.model.json, from the county cases alone.',
        'Exit codes: 0 done, 1 too little county data or unusable base data, 2 usage, 3 new department model worse and not used.',
      ].join('\n'),
      load: async () => (await import('../../../cli/commands/classifier')).classifierRetrain,
    },
  },
  server: async () => {
    const [classifier, similar, { triageSuggestions }, { provideTriageSuggestions }] = await Promise.all([
      import('./classifier.routes'),
      import('./similar.routes'),
      import('./classifier.service'),
      import('../cases'),
    ]);
    return {
      routes: [classifier.default, similar.default],
      // cases asks the classifier for triage suggestions through a port (cases/triage.ts)
      wire: () => provideTriageSuggestions(triageSuggestions),
    };
  },
} satisfies ModuleManifest;
