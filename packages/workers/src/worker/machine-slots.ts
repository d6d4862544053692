/**
 * The worker's `--concurrency`: jobs at once on this worker, whichever of its agent queues they come
 * from. BullMQ counts jobs per queue (a Worker per queue), so a job takes one of these slots before it
 * starts; one fetched while all are taken goes back to its queue (see jobProcessor). `onFull` hears when
 * the last slot is taken (true) and when one frees again (false): a worker of several queues pauses
 * their fetching meanwhile, so that it takes no job it could not start.
 *
 * @example
 * const slots = new MachineSlots(2, (full) => console.log(full ? 'full' : 'room again'));
 * if (slots.tryTake()) try { await work(); } finally { slots.release(); }
 */
export class MachineSlots {
  private taken = 0;

  constructor(
    readonly capacity: number,
    private readonly onFull: (full: boolean) => void = () => {},
  ) {}

  /** Takes a slot when one is free; false when all are taken. */
  tryTake(): boolean {
    if (this.taken >= this.capacity) return false;
    this.taken++;
    if (this.taken === this.capacity) this.onFull(true);
    return true;
  }

  /** Gives a taken slot back. */
  release(): void {
    if (this.taken === 0) throw new Error('MachineSlots.release without a taken slot');
    const wasFull = this.taken === this.capacity;
    this.taken--;
    if (wasFull) this.onFull(false);
  }

  get inUse(): number {
    return this.taken;
  }
}
