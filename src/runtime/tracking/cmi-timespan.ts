/** SCORM 1.2 CMITimespan, HHHH:MM:SS.SS: 2–4 hour digits, at most 2 fraction digits (Moodle rejects others). */
export function cmiTimespan(ms: number): string {
  const centiseconds = Math.max(0, Math.round(ms / 10));
  const hours = Math.min(9999, Math.floor(centiseconds / 360000));
  const minutes = Math.floor((centiseconds % 360000) / 6000);
  const seconds = Math.floor((centiseconds % 6000) / 100);
  const fraction = centiseconds % 100;
  const two = (n: number) => String(n).padStart(2, "0");
  return `${String(hours).padStart(4, "0")}:${two(minutes)}:${two(seconds)}.${two(fraction)}`;
}
