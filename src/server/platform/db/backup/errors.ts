import { OperatorError } from '../../errors';

/** A backup or restore that cannot go ahead: the message says why and what to do (zh + en). */
export class BackupError extends OperatorError {}
