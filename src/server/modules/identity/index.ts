/** Accounts, sign-in and secrets (identity): other modules import only from here. */
export { isStrongPassword } from './identity.domain';
export {
  findUserById,
  findUserByPhoneIndex,
  findUserByUsername,
  insertUser,
  revokeUserSessions,
  setPassword,
  setTotp,
  userPhoneIndex,
} from './identity.repo';
export { currentTotp, hashPassword } from './identity.secrets';
