/**
 * One JSON value in this browser's localStorage that never throws: storage that is blocked (private
 * mode, some file:// pages) or full reads as nothing and fails to write, and the player goes on.
 */
export interface StoredJson<T> {
  /** undefined when there is nothing, it cannot be read, or it is not what `isValid` expects. */
  read(): T | undefined;
  /** undefined when kept; else why not. */
  write(value: T): string | undefined;
  clear(): void;
}

export function storedJson<T>(key: string, isValid: (value: unknown) => value is T): StoredJson<T> {
  return {
    read() {
      try {
        const value = JSON.parse(localStorage.getItem(key) ?? "null") as unknown;
        return isValid(value) ? value : undefined;
      } catch {
        return undefined;
      }
    },
    write(value) {
      try {
        localStorage.setItem(key, JSON.stringify(value));
        return undefined;
      } catch (error) {
        return (error as Error).message;
      }
    },
    clear() {
      try {
        localStorage.removeItem(key);
      } catch {
        /* nothing was kept */
      }
    },
  };
}
