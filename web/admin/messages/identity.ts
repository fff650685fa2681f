/** Console strings for one-time passwords and the security administrator's list of password resets. */
export const identityZh = {
  'signIn.newPasswordTitle': '设置新密码',
  'signIn.newPasswordIntro': '账号 {username} 的密码由管理员设置，只能使用一次。请设置只有您知道的新密码后继续。',
  'signIn.newPassword': '新密码',
  'signIn.newPasswordSubmit': '保存并登录',
  'accounts.resetOneTime': '这是一次性密码：对方下次登录时须先设置自己的新密码。重置会记入审计日志并通知安全管理员。',
  'resets.title': '密码重置记录',
  'resets.hint': '系统管理员重置过的密码；“已修改”表示本人已设置新密码',
  'resets.account': '账号',
  'resets.by': '重置人',
  'resets.at': '重置时间',
  'resets.status': '状态',
  'resets.changed': '本人已修改',
  'resets.pending': '待本人修改',
};

export const identityEn: Record<keyof typeof identityZh, string> = {
  'signIn.newPasswordTitle': 'Choose a new password',
  'signIn.newPasswordIntro':
    'The password of {username} was set by an administrator and works once. Choose a new one that only you know to continue.',
  'signIn.newPassword': 'New password',
  'signIn.newPasswordSubmit': 'Save and sign in',
  'accounts.resetOneTime':
    'This is a one-time password: at the next sign-in its owner must choose their own. The reset is audited and shown to the security administrator.',
  'resets.title': 'Password resets',
  'resets.hint': 'Passwords the system administrator has reset; "changed" means the owner has set a new one',
  'resets.account': 'Account',
  'resets.by': 'Reset by',
  'resets.at': 'Reset at',
  'resets.status': 'Status',
  'resets.changed': 'Changed by the owner',
  'resets.pending': 'Owner has not changed it yet',
};
