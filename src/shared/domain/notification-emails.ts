/** Notification e-mail addresses, as order forms and main check them (archive and tasking alike). */

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Splits what the user typed (commas, semicolons or spaces between addresses). */
export const parseEmails = (text: string): string[] =>
  text
    .split(/[,;\s]+/)
    .map((e) => e.trim())
    .filter(Boolean);

/** The first problem with the addresses, in one sentence, or null. `what` names what is notified. */
export function notificationEmailsProblem(emails: readonly string[], what: string): string | null {
  if (emails.length === 0) return `Give at least one e-mail address for the ${what} notifications.`;
  const wrong = emails.find((e) => !EMAIL.test(e));
  return wrong === undefined ? null : `“${wrong}” is not an e-mail address.`;
}

export const isEmail = (text: string): boolean => EMAIL.test(text);
