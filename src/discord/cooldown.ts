/**
 * Per-user cooldown: one request per window. Memory stays bounded: expired entries are swept
 * whenever the table grows past a few thousand users.
 */
export class Cooldown {
  private readonly last = new Map<string, number>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** 0 when the user may go ahead (their window starts now); otherwise the seconds left, rounded up. */
  take(userId: string): number {
    if (this.windowMs <= 0) return 0;
    const now = this.now();
    const since = now - (this.last.get(userId) ?? -Infinity);
    if (since < this.windowMs) return Math.ceil((this.windowMs - since) / 1000);
    this.last.set(userId, now);
    if (this.last.size > 5000) this.sweep(now);
    return 0;
  }

  private sweep(now: number): void {
    for (const [user, at] of this.last) if (now - at >= this.windowMs) this.last.delete(user);
  }
}
