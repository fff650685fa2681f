import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses, limitPerMinute } from '../../platform/http/types';
import { classify, classifierStatus, classifyCategories } from './classifier.service';
import { ClassifierStatus, ClassifyAnswer, ClassifyBody } from './classifier.schema';

export default async function classifierRoutes(app: App, deps: Deps) {
  app.post(
    '/api/classify',
    {
      config: limitPerMinute(120),
      schema: {
        tags: ['cases'],
        summary:
          'Suggest the department line of a report text: top-k labels with probabilities and reasons. With withCategories: ' +
          '{labels, categories}, categories being the top-k case categories from the county category model (null while there is none).',
        body: ClassifyBody,
        response: { 200: ClassifyAnswer, ...errorResponses(400, 401, 503) },
      },
    },
    async (req) => {
      requireUser(req);
      const labels = await classify(deps, req.body);
      return req.body.withCategories ? { labels, categories: await classifyCategories(deps, req.body) } : labels;
    },
  );

  app.get(
    '/api/classifier/status',
    {
      schema: {
        tags: ['cases'],
        summary:
          'The classifier models in use (shipped or county-trained), when trained, and how they scored; why a model is missing',
        response: { 200: ClassifierStatus, ...errorResponses(401, 403) },
      },
    },
    async (req) => {
      const actor = requireUser(req);
      if (actor.userKind !== 'staff') throw new AppError('forbidden');
      return classifierStatus(deps);
    },
  );
}
