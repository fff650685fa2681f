/** The server's password rules, shown while typing: at least 8 characters, 3 of 4 character classes. */
export interface RuleCheck {
  length: boolean;
  classes: number;
  ok: boolean;
}

export function checkPassword(p: string): RuleCheck {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(p)).length;
  const length = p.length >= 8;
  return { length, classes, ok: length && classes >= 3 };
}
