/**
 * An order deadline as a live countdown: coarse when far ("2 d 4 h"), to the second in the last hour
 * ("12 min 05 s"), and "passed" once gone. `urgent` marks the last hour, when a choice must be made now.
 */
export function countdown(deadlineIso: string, now: number): { text: string; expired: boolean; urgent: boolean } {
  const left = Date.parse(deadlineIso) - now;
  if (!(left > 0)) return { text: 'deadline passed', expired: true, urgent: false };
  const s = Math.floor(left / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const text = d > 0 ? `${d} d ${h} h` : h > 0 ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min ${String(sec).padStart(2, '0')} s`;
  return { text, expired: false, urgent: left < 3_600_000 };
}
