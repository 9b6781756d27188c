/**
 * An ISO 8601 duration such as PT1H2M3.45S (X-4: never hh:mm:ss). Hundredths of a second at most:
 * LRSs may truncate to 0.01 s, and a value that survives the round trip compares equal.
 */
export function isoDuration(ms: number): string {
  let centis = Math.max(0, Math.round(ms / 10));
  const hours = Math.floor(centis / 360000);
  centis -= hours * 360000;
  const minutes = Math.floor(centis / 6000);
  centis -= minutes * 6000;
  const seconds = centis / 100;
  return `PT${hours ? `${hours}H` : ""}${minutes ? `${minutes}M` : ""}${hours || minutes ? (seconds ? `${seconds}S` : "") : `${seconds}S`}`;
}
