/** The command line itself is wrong (exit code 2), as opposed to a unit being wrong (exit code 1). */
export class UsageError extends Error {}
