// The credentials and prefixes are shared with the app (its sandbox accounts show them); defined there.
export { SANDBOX_CREDENTIALS, SANDBOX_PREFIXES } from '../shared/domain/sandbox';
