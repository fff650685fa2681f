/**
 * Joining an app's dictionaries: the shell's strings and each part's (a console module's or a
 * resident tab's `messages`). A key declared twice is a mistake (one would hide the other).
 */
export type Messages = Record<string, string>;

/** The intersection of a union's members (the joined dictionary's type from each part's declared type). */
export type Intersect<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

export interface MessagePart {
  /** names the part in the error about a key declared twice */
  label: string;
  messages?: { zh: Messages; en: Messages };
}

export function joinMessages(lang: 'zh' | 'en', shell: Messages, parts: readonly MessagePart[]): Messages {
  const all: Messages = { ...shell };
  for (const part of parts)
    for (const [key, text] of Object.entries<string>(part.messages?.[lang] ?? {})) {
      if (key in all) throw new Error(`message ${key} is declared twice (${part.label})`);
      all[key] = text;
    }
  return all;
}
