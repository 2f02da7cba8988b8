const pad = (n: number) => String(n).padStart(2, '0');

/** A `datetime-local` value for an instant, in the user's time zone. */
export const toLocalInput = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** The ISO instant of a `datetime-local` value (read in the user's time zone), or null when it is not one. */
export const fromLocalInput = (text: string): string | null => {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return null;
  const ms = new Date(text).getTime();
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
};
