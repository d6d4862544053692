import { watch, type FSWatcher } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

export interface LogFollowerOptions {
  /** Called for each complete line, in order. */
  onLine: (line: string) => void;
  /** Lines longer than this are cut (the log keeps them whole); bounds memory whatever the agent prints. */
  maxLineBytes?: number;
  /** Safety-net poll, for file systems where fs.watch misses writes. */
  pollMs?: number;
  /** Where to start reading (default 0): what an earlier run wrote before this offset is not this run's. */
  startAt?: number;
}

const CHUNK = 256 * 1024;

/**
 * Follows a log file that another process appends to, line by line, with memory bounded by the chunk
 * and line limits however large the log grows. The agent writes its log itself (so it keeps writing if
 * the orchestrator dies); the orchestrator reads the events from there.
 */
export class LogFollower {
  private handle: FileHandle | undefined;
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private offset = 0;
  // One read buffer for the follower's life: a fresh zeroed 256 KB per read (every poll and every write
  // the watcher sees) cost a worker about 20 ms of CPU per task in allocation and garbage collection.
  private buffer: Buffer | undefined;
  private partial: Buffer[] = [];
  private partialBytes = 0;
  private reading: Promise<void> = Promise.resolve();
  private again = false;
  private closed = false;
  private readonly maxLineBytes: number;

  constructor(
    private readonly file: string,
    private readonly options: LogFollowerOptions,
  ) {
    this.maxLineBytes = options.maxLineBytes ?? 1024 * 1024;
    this.offset = options.startAt ?? 0;
  }

  async start(): Promise<void> {
    this.handle = await open(this.file, 'r');
    try {
      this.watcher = watch(this.file, () => this.poke());
      this.watcher.on('error', () => undefined);
    } catch {
      // No watching here: the poll alone keeps up.
    }
    this.timer = setInterval(() => this.poke(), this.options.pollMs ?? 250);
    this.timer.unref();
    this.poke();
  }

  /** Reads whatever was appended since the last read. Reads are chained, so they never overlap. */
  poke(): Promise<void> {
    if (this.closed) return this.reading;
    return this.queueRead();
  }

  /**
   * Reads to the current end, emits a last unterminated line, and stops following. No read can start
   * after this: watch events and the poll stop first, and the handle closes after the last queued read.
   */
  async close(): Promise<void> {
    if (this.closed) return this.reading;
    this.closed = true;
    this.watcher?.close();
    if (this.timer) clearInterval(this.timer);
    await this.queueRead();
    if (this.partialBytes > 0) this.emit(Buffer.concat(this.partial));
    this.partial = [];
    this.buffer = undefined;
    await this.handle?.close();
    this.handle = undefined;
  }

  private queueRead(): Promise<void> {
    this.again = true;
    // A failed read (the file removed under us) must not break the chain or go unhandled.
    this.reading = this.reading.then(() => this.drain()).catch(() => undefined);
    return this.reading;
  }

  private async drain(): Promise<void> {
    if (!this.again || !this.handle) return;
    this.again = false;
    // Unzeroed: only the bytes read are ever looked at, and split() copies what it keeps.
    const buffer = (this.buffer ??= Buffer.allocUnsafe(CHUNK));
    for (;;) {
      const { bytesRead } = await this.handle.read(buffer, 0, CHUNK, this.offset);
      if (bytesRead === 0) return;
      this.offset += bytesRead;
      this.split(buffer.subarray(0, bytesRead));
    }
  }

  private split(chunk: Buffer): void {
    let start = 0;
    for (let newline = chunk.indexOf(10); newline !== -1; newline = chunk.indexOf(10, start)) {
      this.keep(chunk.subarray(start, newline));
      this.emit(Buffer.concat(this.partial));
      this.partial = [];
      this.partialBytes = 0;
      start = newline + 1;
    }
    this.keep(chunk.subarray(start));
  }

  private keep(piece: Buffer): void {
    const room = this.maxLineBytes - this.partialBytes;
    if (room <= 0 || piece.length === 0) return;
    const kept = Buffer.from(piece.subarray(0, room));
    this.partial.push(kept);
    this.partialBytes += kept.length;
  }

  private emit(line: Buffer): void {
    this.options.onLine(line.toString('utf8'));
  }
}
