/** Livelihood projects (民生实事): other modules import only from here. */
export { projectStatus, rollUp, type ProgressNode } from './projects.domain';
export { PROJECT_STATUSES, type ProjectStatus } from './projects.labels';
