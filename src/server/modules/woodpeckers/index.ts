/**
 * Woodpecker enrolment (啄木鸟志愿者报名): what other modules may use. Being a woodpecker stays the
 * access module's `woodpecker` role; this module only adds the application and the roster.
 */
export { APPLICATION_STATE_LABELS, type ApplicationState } from './woodpeckers.labels';
