import pg from 'pg';

export interface ChangeListenerOptions {
  connectionString: string;
  channels: string[];
  onNotify: (channel: string, payload: string) => void;
  // Called when the feed goes down and when it comes (back) up: notifications may have been
  // missed in between, so every cache that relies on the feed must forget everything.
  onReset: () => void;
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

// One dedicated PostgreSQL connection per process that LISTENs for change notifications. It
// reconnects with exponential backoff (plus jitter, so many instances do not stampede a database
// that just came back). `live` is true only while LISTEN is in effect: caches serve entries only
// then, because while the feed is down they could miss an invalidation.
export class ChangeListener {
  private client: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private stopped = false;
  private started = false;
  live = false;

  constructor(private readonly opts: ChangeListenerOptions) {}

  get channels(): readonly string[] {
    return this.opts.channels;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    this.live = false;
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    this.timer = null;
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.opts.connectionString,
      keepAlive: true,
      connectionTimeoutMillis: 3_000,
    });
    this.client = client;
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      this.lose(client);
    };
    client.on('error', onLost);
    client.on('end', onLost);
    client.on('notification', (msg) => {
      if (client === this.client && msg.payload !== undefined) this.opts.onNotify(msg.channel, msg.payload);
    });
    try {
      await client.connect();
      for (const channel of this.opts.channels) await client.query(`LISTEN "${channel.replace(/"/g, '""')}"`);
      if (lost || this.stopped) return;
      this.failures = 0;
      this.live = true;
      this.opts.onReset();
    } catch {
      onLost();
    }
  }

  private lose(client: pg.Client): void {
    if (client !== this.client) return;
    this.client = null;
    const wasLive = this.live;
    this.live = false;
    client.end().catch(() => {});
    if (wasLive) this.opts.onReset();
    if (this.stopped) return;
    const base = Math.min(this.opts.maxBackoffMs ?? 5_000, (this.opts.minBackoffMs ?? 100) * 2 ** this.failures++);
    this.timer = setTimeout(() => void this.connect(), base / 2 + Math.random() * (base / 2));
    this.timer.unref();
  }
}
