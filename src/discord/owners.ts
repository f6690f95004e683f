/**
 * Who owns the application: its owner (a User), or — for an application owned by a team — the
 * team's owner and its members who accepted the invitation with the Admin or Developer role
 * (Read-only members and pending invitations do not count). They may /reload from any server or a DM.
 *
 * The owners come from discord.js's `client.application.fetch()` (GET /applications/@me), asked only
 * when a /reload needs them and kept for REFRESH_MS, so a team change reaches the bot within that
 * time without a request per command. A failed fetch keeps the last known owners (none, before the
 * first success) and is retried no sooner than RETRY_MS later.
 */
import { Team, TeamMemberMembershipState, TeamMemberRole, User, type ClientApplication } from 'discord.js';
import type { Logger } from '../app/log';

export const REFRESH_MS = 10 * 60_000;
export const RETRY_MS = 30_000;

export type FetchApplication = () => Promise<Pick<ClientApplication, 'owner'>>;

/** The user ids that own an application (as discord.js has it after a fetch). */
export function ownerIdsOf(owner: ClientApplication['owner']): Set<string> {
  if (owner instanceof User) return new Set([owner.id]);
  if (owner instanceof Team) {
    const ids = new Set<string>(owner.ownerId ? [owner.ownerId] : []);
    for (const member of owner.members.values()) {
      if (member.membershipState === TeamMemberMembershipState.Accepted && member.role !== TeamMemberRole.ReadOnly) ids.add(member.id);
    }
    return ids;
  }
  return new Set();
}

export class ApplicationOwners {
  private ids: ReadonlySet<string> = new Set();
  /** When the owners were last asked for (success or failure); 0 = never. */
  private askedAt = 0;
  private succeeded = false;
  private pending: Promise<void> | undefined;

  constructor(
    private readonly fetchApplication: FetchApplication,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether this user owns the application (or is on its team), refreshing the list when it is stale. */
  async has(userId: string): Promise<boolean> {
    const age = this.now() - this.askedAt;
    if (this.askedAt === 0 || age >= (this.succeeded ? REFRESH_MS : RETRY_MS)) await this.refresh();
    return this.ids.has(userId);
  }

  private refresh(): Promise<void> {
    // Concurrent /reloads share one request.
    this.pending ??= this.fetchApplication()
      .then(
        (application) => {
          this.ids = ownerIdsOf(application.owner);
          this.succeeded = true;
          this.logger.debug({ owners: this.ids.size }, 'application owners fetched');
        },
        (error: unknown) => {
          this.succeeded = false;
          this.logger.warn({ err: error, known: this.ids.size }, 'could not fetch the application owners; keeping the last known');
        },
      )
      .finally(() => {
        this.askedAt = this.now();
        this.pending = undefined;
      });
    return this.pending;
  }
}
