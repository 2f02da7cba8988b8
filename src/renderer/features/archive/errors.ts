export { errorOf, type ShownError } from '../../api/errors';
import { isUnreachableCode } from '../../../shared/errors';

/** Codes that mean "the provider cannot be reached now" (as main's cached reads treat them). */
export const isOfflineCode = (code: string): boolean => isUnreachableCode(code);
