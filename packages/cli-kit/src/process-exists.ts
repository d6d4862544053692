/**
 * True while a process with this pid exists (signal 0 reaches it): EPERM, a process of another user,
 * counts as existing. A zombie (exited, not yet reaped) exists too; run-store's isProcessAlive tells those
 * apart where it matters. The one check for every lock and folder that names its owner's pid.
 *
 * @example
 * if (!processExists(holderPid)) takeOver();
 */
export function processExists(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
