/**
 * DiscordSimulator: a local fake Discord for end-to-end tests. The UNMODIFIED discord.js Client logs
 * into it (`new Client({ rest: { api: sim.apiUrl } })`): REST is served over HTTP, the gateway over
 * WebSocket (`ws`), both on 127.0.0.1 with a random port. Every REST request and every gateway frame
 * the client sends is recorded; tests drive the bot with slash()/button()/message() and wait for
 * what it sent back. See test/simulator/README.md for usage.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, WebSocket } from 'ws';
import {
  apiMember,
  apiMessage,
  apiUser,
  dmChannel,
  guildCreate,
  guildTextChannel,
  interactionPayload,
  isoNow,
  randomToken,
  readyPayload,
  role,
  shardOf,
  SnowflakeGen,
  type SimGuild,
  type SimOption,
  type SimUser,
} from './payloads';
import { commandErrors, formError, validateChoices, validateCommands, validateMessage } from './validate';

export type { SimUser, SimOption } from './payloads';

export interface RecordedRequest {
  method: string;
  /** decoded (`%40original` → `@original`), without the /api/v10 prefix, without the query */
  path: string;
  query: Record<string, string>;
  /** lower-cased header names */
  headers: Record<string, string | undefined>;
  /** parsed JSON (for multipart: the parsed `payload_json`) or null */
  body: unknown;
  at: number;
  /** HTTP status the simulator answered with (set once answered; waiters only see answered requests) */
  status?: number;
  /** files of a multipart request */
  files?: Array<{ field: string; name: string; contentType: string; size: number }>;
}

export interface GatewayFrame {
  /** -1 until the connection identified or resumed */
  shard: number;
  op: number;
  d: unknown;
  at: number;
  /** connection number (see connectionLog) */
  conn: number;
}

export interface InteractionContext {
  user?: SimUser;
  dm?: boolean;
  /** member permission bitfield, default all "2147483647" */
  permissions?: string;
  /** member role ids */
  roles?: string[];
  /** default en-US */
  locale?: string;
  /** which guild (default guildId); decides the shard */
  guildId?: string;
  /** bot permissions in the channel, default "2147483647" */
  appPermissions?: string;
}

export interface MessageOptions {
  dm?: boolean;
  mentionsBot?: boolean;
  author?: SimUser;
  mentionRoles?: string[];
  mentionEveryone?: boolean;
  /** default guildId */
  guildId?: string;
}

export interface StartOptions {
  /** default 1 */
  shards?: number;
  /** default 41250 like Discord; use 300–1000 in fault tests so zombie detection is fast */
  heartbeatIntervalMs?: number;
  /** answer over-limit bodies with 400 50035 like Discord (default true) */
  validate?: boolean;
  /** how many guilds (default: one per shard); guild i is on shard i % shards, so guildIds[0..shards-1] are one per shard */
  guilds?: number;
}

/** An application owned by a team (GET /applications/@me → `team`). */
export interface SimTeam {
  ownerId: string;
  members: Array<{ user: SimUser; role: 'admin' | 'developer' | 'read_only' /** 1 invited, 2 accepted (default) */; state?: 1 | 2 }>;
}

type Json = Record<string, unknown>;
interface FailRule {
  method?: string;
  pathIncludes: string;
  response: { status: number; body?: unknown; headers?: Record<string, string> };
  times: number;
}
interface DispatchFrame {
  op: 0;
  t: string;
  s: number;
  d: unknown;
}
interface Session {
  id: string;
  shard: number;
  seq: number;
  intents: number;
  valid: boolean;
  /** every dispatch of the session, for RESUME replay */
  buffer: DispatchFrame[];
  /** the connection currently attached (identified/resumed on it), or null while disconnected */
  conn: Conn | null;
}
interface Conn {
  n: number;
  ws: WebSocket;
  shard: number;
  session: Session | null;
  acks: boolean;
}
interface ShardState {
  session: Session | null;
  /** dispatches produced while the shard had no valid session: delivered after the next READY */
  pending: Array<{ t: string; d: Json }>;
  ready: boolean;
}
interface SimInteraction {
  id: string;
  token: string;
  type: number;
  channelId: string;
  guildId: string | null;
  user: SimUser;
  createdAt: number;
  deliveredAt?: number;
  acked: boolean;
  callbackType?: number;
  original: Json | null;
  /** the message a component sits on */
  componentMessage?: Json;
  followups: Map<string, Json>;
}
interface Waiter {
  check: () => boolean;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}
interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const ALL_PERMISSIONS = '2147483647';
const INTENT_GUILD_MESSAGES = 1 << 9;
const INTENT_DIRECT_MESSAGES = 1 << 12;
const INTENT_MESSAGE_CONTENT = 1 << 15;
const FLAG_EPHEMERAL = 1 << 6;
const FLAG_LOADING = 1 << 7;
/** interaction type → callback types Discord accepts for it */
const ALLOWED_CALLBACKS: Record<number, number[]> = {
  2: [4, 5, 9, 12], // application command
  3: [4, 5, 6, 7, 9, 12], // message component
  4: [8], // autocomplete
  5: [4, 5, 6, 7], // modal submit
};

const err = (status: number, code: number, message: string): Reply => ({ status, body: { message, code } });

export class DiscordSimulator {
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly resumeUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: SimUser;
  /** the default user invoking interactions and sending messages */
  readonly user: SimUser;
  /** the application's owner ("olga"), unless setApplicationOwner() says otherwise; not `user` */
  readonly owner: SimUser;
  readonly guildIds: string[];
  readonly guildId: string;
  /** one text channel ("general") per guild, same order as guildIds */
  readonly channelIds: string[];
  readonly channelId: string;
  readonly shardCount: number;
  readonly requests: RecordedRequest[] = [];
  readonly gatewayLog: GatewayFrame[] = [];
  /** every frame the simulator sent */
  readonly serverLog: Array<{ shard: number; op: number; t?: string; s?: number; d: unknown; conn: number }> = [];
  /** every WebSocket connection, with the url path it used (/gateway or /resume) and how it closed */
  readonly connectionLog: Array<{ conn: number; path: string; query: Record<string, string>; at: number; closeCode?: number }> = [];
  /** ms after delivery within which an interaction must be acknowledged (Discord: 3 s) */
  interactionTimeoutMs = 3000;
  /** ms an interaction token stays usable for webhooks (Discord: 15 min) */
  tokenLifetimeMs = 15 * 60_000;
  validate: boolean;

  private readonly server: http.Server;
  private readonly wss: WebSocketServer;
  private readonly heartbeatIntervalMs: number;
  private readonly snow = new SnowflakeGen();
  private readonly guilds: SimGuild[] = [];
  private readonly shardStates: ShardState[] = [];
  private readonly sessions = new Map<string, Session>();
  private readonly conns = new Set<Conn>();
  private readonly users = new Map<string, SimUser>();
  private readonly dmChannels = new Map<string, string>(); // userId → channelId
  private readonly messages = new Map<string, Json>();
  private readonly interactions = new Map<string, SimInteraction>();
  private readonly interactionsByToken = new Map<string, SimInteraction>();
  private readonly commands = new Map<string, Json[]>(); // 'global' | guildId → commands
  private readonly syntheticCommandIds = new Map<string, string>();
  private readonly failRules: FailRule[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly sockets = new Set<Socket>();
  private connCounter = 0;
  private stopped = false;
  private applicationOwner: SimUser | SimTeam;
  /** close codes for the next IDENTIFYs (failIdentify) */
  private readonly identifyFailures: number[] = [];

  private constructor(server: http.Server, port: number, opts: StartOptions) {
    this.server = server;
    this.shardCount = opts.shards ?? 1;
    this.heartbeatIntervalMs = opts.heartbeatIntervalMs ?? 41250;
    this.validate = opts.validate ?? true;
    this.apiUrl = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}/gateway`;
    this.resumeUrl = `ws://127.0.0.1:${port}/resume`;

    const created = Date.now() - 400 * 86_400_000;
    this.botUser = { id: this.snow.next(created), username: 'Attaché' };
    // Bots created since 2019 share their id with their application.
    this.applicationId = this.botUser.id;
    this.token = `${Buffer.from(this.botUser.id).toString('base64url')}.${randomToken(4)}.${randomToken(28)}`;
    this.user = { id: this.snow.next(created - 86_400_000), username: 'alice' };
    this.users.set(this.user.id, this.user);
    this.owner = { id: this.snow.next(created - 2 * 86_400_000), username: 'olga' };
    this.users.set(this.owner.id, this.owner);
    this.applicationOwner = this.owner;
    for (let i = 0; i < this.shardCount; i++) this.shardStates.push({ session: null, pending: [], ready: false });
    for (let i = 0; i < Math.max(opts.guilds ?? this.shardCount, this.shardCount); i++) {
      const at = created + (i + 1) * 3_600_000;
      const id = this.snow.forShard(i % this.shardCount, this.shardCount, at);
      this.guilds.push({ id, name: `Sim Guild ${i}`, channelId: this.snow.next(at + 1000), botRoleId: this.snow.next(at + 2000), createdAt: at });
    }
    this.guildIds = this.guilds.map((g) => g.id);
    this.channelIds = this.guilds.map((g) => g.channelId);
    this.guildId = this.guildIds[0]!;
    this.channelId = this.channelIds[0]!;

    server.on('request', (req, res) => void this.onHttp(req, res));
    server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    this.wss = new WebSocketServer({ noServer: true });
    server.on('upgrade', (req, socket, head) => {
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, req.url ?? '/'));
    });
  }

  static async start(opts: StartOptions = {}): Promise<DiscordSimulator> {
    const server = http.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return new DiscordSimulator(server, (server.address() as AddressInfo).port, opts);
  }

  // ───────────────────────────── waiting ─────────────────────────────

  private waitUntil(check: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const w: Waiter = {
        check: () => {
          if (!check()) return false;
          resolve();
          return true;
        },
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(w);
          reject(new Error(`DiscordSimulator: timed out after ${timeoutMs} ms waiting for ${what()}`));
        }, timeoutMs),
      };
      this.waiters.add(w);
    });
  }

  /** re-evaluate every waiter after a state change */
  private poke(): void {
    for (const w of [...this.waiters]) {
      if (w.check()) {
        clearTimeout(w.timer);
        this.waiters.delete(w);
      }
    }
  }

  /** Resolves when shards 0..shardCount-1 have identified (or resumed) and got READY (or RESUMED). */
  whenReady(shardCount: number = this.shardCount, timeoutMs = 20_000): Promise<void> {
    const states = () => this.shardStates.slice(0, shardCount);
    return this.waitUntil(
      () => states().length === shardCount && states().every((s) => s.ready),
      timeoutMs,
      () =>
        `shards ready (${states()
          .map((s, i) => `${i}:${s.ready}`)
          .join(' ')})`,
    );
  }

  /** Resolves on an already-recorded or future (answered) request. */
  async waitForRequest(pred: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    let found: RecordedRequest | undefined;
    await this.waitUntil(
      () => (found = this.requests.find((r) => r.status !== undefined && pred(r))) !== undefined,
      timeoutMs,
      () =>
        `a matching request; got: ${this.requests
          .slice(-10)
          .map((r) => `${r.method} ${r.path} → ${r.status}`)
          .join(', ')}`,
    );
    return found!;
  }

  /** Body of the accepted POST /interactions/{id}/{token}/callback. */
  async waitForCallback(interactionId: string, timeoutMs = 5000): Promise<{ type: number; data?: any }> {
    const r = await this.waitForRequest(
      (q) => q.method === 'POST' && q.path.startsWith(`/interactions/${interactionId}/`) && q.path.endsWith('/callback') && (q.status ?? 500) < 300,
      timeoutMs,
    );
    return r.body as { type: number; data?: any };
  }

  /** Resolves on an already-logged or future gateway frame sent by the client. */
  async waitForGateway(pred: (f: GatewayFrame) => boolean, timeoutMs = 10_000): Promise<GatewayFrame> {
    let found: GatewayFrame | undefined;
    await this.waitUntil(
      () => (found = this.gatewayLog.find(pred)) !== undefined,
      timeoutMs,
      () =>
        `a matching gateway frame; got ops: ${this.gatewayLog
          .slice(-15)
          .map((f) => f.op)
          .join(',')}`,
    );
    return found!;
  }

  // ───────────────────────────── gateway ─────────────────────────────

  private onConnection(ws: WebSocket, rawUrl: string): void {
    const url = new URL(rawUrl, 'http://127.0.0.1');
    const conn: Conn = { n: ++this.connCounter, ws, shard: -1, session: null, acks: true };
    this.conns.add(conn);
    const entry: (typeof this.connectionLog)[number] = { conn: conn.n, path: url.pathname, query: Object.fromEntries(url.searchParams), at: Date.now() };
    this.connectionLog.push(entry);
    ws.on('message', (raw) => this.onFrame(conn, raw.toString()));
    ws.on('close', (code) => {
      entry.closeCode = code; // whoever closed: the client (e.g. 4200 zombie/resume, 1000 re-identify) or dropConnection
      this.detach(conn);
    });
    ws.on('error', () => this.detach(conn));
    if (url.searchParams.get('v') !== '10') {
      ws.close(4012, 'Invalid API version.');
      return;
    }
    this.send(conn, { op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs, _trace: ['["discord-simulator",{}]'] }, s: null, t: null });
  }

  /** The connection is gone (or about to be): its session waits for a RESUME. */
  private detach(conn: Conn): void {
    this.conns.delete(conn);
    const session = conn.session;
    conn.session = null;
    if (session && session.conn === conn) {
      session.conn = null;
      const st = this.shardStates[session.shard];
      if (st) st.ready = false;
    }
    this.poke();
  }

  private send(conn: Conn, frame: { op: number; d: unknown; s?: number | null; t?: string | null }): void {
    if (conn.ws.readyState !== WebSocket.OPEN) return;
    this.serverLog.push({ shard: conn.shard, op: frame.op, t: frame.t ?? undefined, s: frame.s ?? undefined, d: frame.d, conn: conn.n });
    if (frame.op === 0 && frame.t === 'INTERACTION_CREATE') {
      const it = this.interactions.get((frame.d as Json).id as string);
      if (it && it.deliveredAt === undefined) it.deliveredAt = Date.now();
    }
    conn.ws.send(JSON.stringify(frame));
  }

  private onFrame(conn: Conn, raw: string): void {
    let frame: { op?: unknown; d?: unknown };
    try {
      frame = JSON.parse(raw) as { op?: unknown; d?: unknown };
    } catch {
      conn.ws.close(4002, 'Error while decoding payload.');
      return;
    }
    const op = typeof frame.op === 'number' ? frame.op : -1;
    this.gatewayLog.push({ shard: conn.shard, op, d: frame.d ?? null, at: Date.now(), conn: conn.n });
    switch (op) {
      case 1: // heartbeat
        if (conn.acks) this.send(conn, { op: 11, d: null });
        break;
      case 2:
        this.onIdentify(conn, (frame.d ?? {}) as Json);
        break;
      case 6:
        this.onResume(conn, (frame.d ?? {}) as Json);
        break;
      case 3: // presence update
      case 4: // voice state update
      case 8: // request guild members
      case 31: // request soundboard sounds
        if (!conn.session) conn.ws.close(4003, 'Not authenticated.');
        break;
      default:
        conn.ws.close(4001, 'Unknown opcode.');
    }
    this.poke();
  }

  private onIdentify(conn: Conn, d: Json): void {
    if (conn.session) return void conn.ws.close(4005, 'Already authenticated.');
    if (d.token !== this.token) return void conn.ws.close(4004, 'Authentication failed.');
    const failure = this.identifyFailures.shift();
    if (failure !== undefined) return void conn.ws.close(failure, 'Simulated identify failure');
    const shard = Array.isArray(d.shard) ? (d.shard as number[]) : [0, 1];
    const [id = 0, count = 1] = shard;
    if (count !== this.shardCount || id < 0 || id >= count) return void conn.ws.close(4010, 'Invalid shard.');
    if (typeof d.intents !== 'number') return void conn.ws.close(4013, 'Invalid intent(s).');
    const st = this.shardStates[id]!;
    if (st.session) {
      // a new IDENTIFY replaces the shard's previous session (it can no longer be resumed)
      st.session.valid = false;
      if (st.session.conn && st.session.conn !== conn) st.session.conn.ws.close(4009, 'Session timed out.');
    }
    const session: Session = { id: randomToken(16).replace(/[-_]/g, 'a'), shard: id, seq: 0, intents: d.intents, valid: true, buffer: [], conn };
    this.sessions.set(session.id, session);
    st.session = session;
    conn.session = session;
    conn.shard = id;
    const mine = this.guilds.filter((g) => shardOf(g.id, this.shardCount) === id);
    this.dispatchTo(
      session,
      'READY',
      readyPayload({
        bot: this.botUser,
        applicationId: this.applicationId,
        sessionId: session.id,
        resumeUrl: this.resumeUrl,
        shard: [id, count],
        guildIds: mine.map((g) => g.id),
      }),
    );
    for (const g of mine) this.dispatchTo(session, 'GUILD_CREATE', guildCreate(g, this.botUser, this.user.id));
    const pending = st.pending.splice(0);
    for (const p of pending) this.dispatchTo(session, p.t, p.d);
    st.ready = true;
  }

  private onResume(conn: Conn, d: Json): void {
    if (conn.session) return void conn.ws.close(4005, 'Already authenticated.');
    if (d.token !== this.token) return void conn.ws.close(4004, 'Authentication failed.');
    const session = this.sessions.get(String(d.session_id));
    if (!session?.valid) {
      this.send(conn, { op: 9, d: false });
      return;
    }
    if (session.conn && session.conn !== conn) {
      const old = session.conn;
      this.detach(old);
      old.ws.close(4009, 'Session timed out.');
    }
    session.conn = conn;
    conn.session = session;
    conn.shard = session.shard;
    const seq = typeof d.seq === 'number' ? d.seq : 0;
    for (const f of session.buffer) if (f.s > seq) this.send(conn, f);
    this.dispatchTo(session, 'RESUMED', { _trace: ['["discord-simulator",{}]'] });
    this.shardStates[session.shard]!.ready = true;
  }

  /** Dispatch on a session: numbered, buffered for RESUME, sent if a connection is attached. */
  private dispatchTo(session: Session, t: string, d: Json): void {
    const filtered = this.applyIntents(session, t, d);
    if (!filtered) return;
    const frame: DispatchFrame = { op: 0, t, s: ++session.seq, d: filtered };
    session.buffer.push(frame);
    if (session.conn) this.send(session.conn, frame);
  }

  /** What Discord does with intents for MESSAGE_CREATE: no GuildMessages/DirectMessages intent → not
   *  sent; no MessageContent intent → content/embeds/attachments/components emptied unless the
   *  message mentions the bot, is the bot's own, or is in a DM. */
  private applyIntents(session: Session, t: string, d: Json): Json | null {
    if (t !== 'MESSAGE_CREATE') return d;
    const inGuild = typeof d.guild_id === 'string';
    if (!(session.intents & (inGuild ? INTENT_GUILD_MESSAGES : INTENT_DIRECT_MESSAGES))) return null;
    if (!inGuild || session.intents & INTENT_MESSAGE_CONTENT) return d;
    const author = d.author as Json;
    const mentions = (d.mentions as Json[]) ?? [];
    if (author.id === this.botUser.id || mentions.some((m) => m.id === this.botUser.id)) return d;
    return { ...d, content: '', embeds: [], attachments: [], components: [] };
  }

  /** Dispatch to whichever shard owns the guild (DMs → shard 0); queued until READY if the shard has no session. */
  private dispatch(guildId: string | null, t: string, d: Json): void {
    const shard = guildId ? shardOf(guildId, this.shardCount) : 0;
    const st = this.shardStates[shard]!;
    if (st.session?.valid) this.dispatchTo(st.session, t, d);
    else st.pending.push({ t, d });
  }

  private liveConn(shard: number): Conn {
    const conn = this.shardStates[shard]?.session?.conn;
    if (!conn) throw new Error(`DiscordSimulator: shard ${shard} has no live gateway connection`);
    return conn;
  }

  // ───────────────────────────── faults ─────────────────────────────

  /** Answer the next `times` requests matching `match` with `response` instead of handling them.
   *  A 429 whose body has retry_after gets a Retry-After header (and X-RateLimit-Global when global). */
  failNext(match: { method?: string; pathIncludes: string }, response: { status: number; body?: unknown; headers?: Record<string, string> }, times = 1): void {
    this.failRules.push({ ...match, response, times });
  }

  /** Close the shard's socket (default 4000, resumable): the client RESUMEs at resume_gateway_url;
   *  dispatches produced meanwhile are replayed, then RESUMED. */
  dropConnection(shard = 0, closeCode = 4000): void {
    const conn = this.liveConn(shard);
    this.detach(conn); // later dispatches are buffered for the RESUME, not written to the closing socket
    conn.ws.close(closeCode, 'Simulated disconnect');
  }

  /** op 9 d:false (default): the session is dropped and the client identifies again (after its
   *  identify throttle: ≤5 s + jitter since its previous IDENTIFY). d:true: it resumes instead. */
  invalidateSession(shard = 0, resumable = false): void {
    const conn = this.liveConn(shard);
    const session = conn.session!;
    if (!resumable) session.valid = false;
    this.detach(conn); // the connection is unauthenticated again: it may IDENTIFY/RESUME
    this.send(conn, { op: 9, d: resumable });
  }

  /** Close the next `times` IDENTIFYs with `closeCode` (e.g. 4004, or 4014 Disallowed intent(s)), as
   *  Discord does when it refuses a login; REST keeps working. */
  failIdentify(closeCode: number, times = 1): void {
    for (let i = 0; i < times; i++) this.identifyFailures.push(closeCode);
  }

  /** op 7: the client closes and resumes. */
  requestReconnect(shard = 0): void {
    this.send(this.liveConn(shard), { op: 7, d: null });
  }

  /** Stop answering heartbeats on the shard's current connection: at its next beat the client sees
   *  a zombie, closes (4200) and resumes on a new connection, which is acked again. */
  stopHeartbeatAcks(shard = 0): void {
    this.liveConn(shard).acks = false;
  }

  // ───────────────────────────── driving the bot ─────────────────────────────

  private guild(guildId?: string): SimGuild {
    const g = this.guilds.find((x) => x.id === (guildId ?? this.guildId));
    if (!g) throw new Error(`DiscordSimulator: unknown guild ${guildId}`);
    return g;
  }

  private rememberUser(u: SimUser): SimUser {
    this.users.set(u.id, u);
    return u;
  }

  /** The DM channel between the bot and a user (created on first use). */
  dmChannelId(user: SimUser = this.user): string {
    let id = this.dmChannels.get(user.id);
    if (!id) {
      id = this.snow.next();
      this.dmChannels.set(user.id, id);
    }
    return id;
  }

  /** A fresh SimUser (realistic id). */
  newUser(username: string): SimUser {
    return this.rememberUser({ id: this.snow.next(Date.now() - 86_400_000), username });
  }

  private commandId(name: string, guildId: string | null): { id: string; guildId?: string } {
    const guildCmd = guildId ? this.commands.get(guildId)?.find((c) => c.name === name && (c.type ?? 1) === 1) : undefined;
    if (guildCmd) return { id: String(guildCmd.id), guildId: guildId! };
    const global = this.commands.get('global')?.find((c) => c.name === name && (c.type ?? 1) === 1);
    if (global) return { id: String(global.id) };
    let id = this.syntheticCommandIds.get(name);
    if (!id) this.syntheticCommandIds.set(name, (id = this.snow.next()));
    return { id };
  }

  /** `resolved` for user (6), channel (7), role (8) and mentionable (9) options, as Discord sends it. */
  private resolved(options: SimOption[], g: SimGuild | null): Json | undefined {
    const users: Json = {};
    const members: Json = {};
    const roles: Json = {};
    const channels: Json = {};
    const walk = (opts: SimOption[]): void => {
      for (const o of opts) {
        if (o.options) walk(o.options);
        const id = String(o.value);
        const knownRole = g && (id === g.id || id === g.botRoleId);
        if (o.type === 6 || (o.type === 9 && !knownRole)) {
          const u = this.users.get(id) ?? (id === this.botUser.id ? this.botUser : { id, username: `user${id.slice(-4)}` });
          users[id] = apiUser(u);
          if (g) members[id] = { ...apiMember(null, [], isoNow(g.createdAt)), permissions: ALL_PERMISSIONS };
        } else if (o.type === 8 || o.type === 9) {
          roles[id] =
            g && id === g.botRoleId
              ? role(id, this.botUser.username, ALL_PERMISSIONS, 1, true)
              : role(id, id === g?.id ? '@everyone' : `role${id.slice(-4)}`, '0', 0);
        } else if (o.type === 7) {
          const gid = g?.id ?? this.guildId;
          channels[id] = { id, name: 'general', type: 0, permissions: ALL_PERMISSIONS, guild_id: gid, parent_id: null, nsfw: false, flags: 0 };
        }
      }
    };
    walk(options);
    const out: Json = {};
    for (const [k, v] of Object.entries({ users, members, roles, channels })) if (Object.keys(v).length) out[k] = v;
    return Object.keys(out).length ? out : undefined;
  }

  private createInteraction(type: 2 | 3 | 4, data: Json, ctx: InteractionContext, message?: Json): { id: string; token: string } {
    const user = this.rememberUser(ctx.user ?? this.user);
    const id = this.snow.next();
    const token = `aW50ZXJhY3Rpb246${id}:${randomToken(96)}`.replace(/:/g, '_').replace(/=/g, '');
    const g = ctx.dm ? null : this.guild(ctx.guildId);
    const channelId = g ? g.channelId : this.dmChannelId(user);
    const payload = interactionPayload({
      id,
      token,
      type,
      applicationId: this.applicationId,
      data,
      user,
      guild: g
        ? { id: g.id, channelId: g.channelId, joinedAt: isoNow(g.createdAt + 120_000), roles: ctx.roles ?? [], permissions: ctx.permissions ?? ALL_PERMISSIONS }
        : undefined,
      dm: g ? undefined : { channelId },
      appPermissions: ctx.appPermissions ?? ALL_PERMISSIONS,
      locale: ctx.locale ?? 'en-US',
      message,
    });
    const it: SimInteraction = {
      id,
      token,
      type,
      channelId,
      guildId: g?.id ?? null,
      user,
      createdAt: Date.now(),
      acked: false,
      original: null,
      componentMessage: message,
      followups: new Map(),
    };
    this.interactions.set(id, it);
    this.interactionsByToken.set(token, it);
    this.dispatch(g?.id ?? null, 'INTERACTION_CREATE', payload);
    return { id, token };
  }

  private commandData(name: string, options: SimOption[] | undefined, ctx: InteractionContext, autocomplete: boolean): Json {
    const g = ctx.dm ? null : this.guild(ctx.guildId);
    const cmd = this.commandId(name, g?.id ?? null);
    const strip = (opts: SimOption[]): Json[] =>
      opts.map((o) => {
        const out: Json = { name: o.name, type: o.type };
        if (o.options) out.options = strip(o.options);
        else out.value = o.value;
        if (autocomplete && o.focused) out.focused = true;
        return out;
      });
    const data: Json = { id: cmd.id, name, type: 1 };
    if (cmd.guildId) data.guild_id = cmd.guildId;
    if (options?.length) data.options = strip(options);
    const resolved = options && !autocomplete ? this.resolved(options, g) : undefined;
    if (resolved) data.resolved = resolved;
    return data;
  }

  /** A chat-input command (INTERACTION_CREATE type 2). */
  slash(name: string, options?: SimOption[], ctx: InteractionContext = {}): { id: string; token: string } {
    return this.createInteraction(2, this.commandData(name, options, ctx, false), ctx);
  }

  /** An autocomplete request (type 4). If no option is `focused`, the last leaf option is. */
  autocomplete(name: string, options: SimOption[], ctx: InteractionContext = {}): { id: string; token: string } {
    const hasFocus = (opts: SimOption[]): boolean => opts.some((o) => o.focused || (o.options ? hasFocus(o.options) : false));
    let opts = options;
    if (!hasFocus(options)) {
      const focusLast = (os: SimOption[]): SimOption[] =>
        os.map((o, i) => (i !== os.length - 1 ? o : o.options ? { ...o, options: focusLast(o.options) } : { ...o, focused: true }));
      opts = focusLast(options);
    }
    return this.createInteraction(4, this.commandData(name, opts, ctx, true), ctx);
  }

  /** A message-component interaction (type 3) on `message`: a raw API message, a partial one (e.g.
   *  the `data` of a recorded callback: missing fields are filled in) or the id of a message the
   *  simulator knows (one the bot sent). */
  button(customId: string, message: unknown, ctx: InteractionContext = {}): { id: string; token: string } {
    return this.createInteraction(3, { custom_id: customId, component_type: 2 }, ctx, this.componentMessage(message, ctx));
  }

  /** A string-select interaction (component_type 3) with the chosen values. */
  select(customId: string, values: string[], message: unknown, ctx: InteractionContext = {}): { id: string; token: string } {
    return this.createInteraction(3, { custom_id: customId, component_type: 3, values }, ctx, this.componentMessage(message, ctx));
  }

  private componentMessage(message: unknown, ctx: InteractionContext): Json {
    if (typeof message === 'string') {
      const known = this.messages.get(message);
      if (!known) throw new Error(`DiscordSimulator: unknown message ${message}`);
      return known;
    }
    const m = (message ?? {}) as Json;
    const channelId = ctx.dm ? this.dmChannelId(ctx.user ?? this.user) : this.guild(ctx.guildId).channelId;
    const full = {
      ...apiMessage({ id: this.snow.next(), channelId, author: this.botApiUser(), body: m }),
      ...m,
    };
    if (full.type === undefined) full.type = 0;
    this.messages.set(String(full.id), full);
    return full;
  }

  /** A MESSAGE_CREATE from a user: in the guild's channel, or a DM (no guild_id, channel type 1).
   *  `mentionsBot` prefixes `<@bot>` unless the content already mentions it; mentions, mention_roles
   *  and mention_everyone are also derived from the content like Discord does. */
  message(content: string, opts: MessageOptions = {}): { id: string; channelId: string } {
    const author = this.rememberUser(opts.author ?? this.user);
    const id = this.snow.next();
    const botMention = new RegExp(`<@!?${this.botUser.id}>`);
    let text = content;
    if (opts.mentionsBot && !botMention.test(text)) text = `<@${this.botUser.id}> ${text}`;
    const mentionIds = new Set([...text.matchAll(/<@!?(\d+)>/g)].map((m) => m[1]!));
    const roleIds = new Set([...text.matchAll(/<@&(\d+)>/g)].map((m) => m[1]!).concat(opts.mentionRoles ?? []));
    if (opts.dm) {
      const channelId = this.dmChannelId(author);
      const d: Json = {
        ...apiMessage({ id, channelId, author: apiUser(author), body: { content: text } }),
        mentions: [...mentionIds].map((uid) => this.mentionUser(uid, null)),
        channel_type: 1,
      };
      this.messages.set(id, d);
      this.dispatch(null, 'MESSAGE_CREATE', d);
      return { id, channelId };
    }
    const g = this.guild(opts.guildId);
    const d: Json = {
      ...apiMessage({ id, channelId: g.channelId, author: apiUser(author), body: { content: text } }),
      guild_id: g.id,
      member: apiMember(null, [], isoNow(g.createdAt + 120_000)),
      mentions: [...mentionIds].map((uid) => this.mentionUser(uid, g)),
      mention_roles: [...roleIds],
      mention_everyone: opts.mentionEveryone ?? /@(everyone|here)\b/.test(text),
      channel_type: 0,
    };
    this.messages.set(id, d);
    this.dispatch(g.id, 'MESSAGE_CREATE', d);
    return { id, channelId: g.channelId };
  }

  private mentionUser(uid: string, g: SimGuild | null): Json {
    const isBot = uid === this.botUser.id;
    const u = isBot ? this.botUser : (this.users.get(uid) ?? { id: uid, username: `user${uid.slice(-4)}` });
    const out = apiUser(u, isBot ? { bot: true } : {});
    if (g) out.member = apiMember(null, isBot ? [g.botRoleId] : [], isoNow(g.createdAt + 60_000));
    return out;
  }

  private botApiUser(): Json {
    return apiUser(this.botUser, { bot: true });
  }

  /** A role in a guild (default guildId), like a server admin creating one: it is part of every
   *  later GUILD_CREATE (so it survives a re-identify) and, if the guild's shard is connected, a
   *  GUILD_ROLE_CREATE reaches the client now. `permissions` is a bitfield string (default "0");
   *  `id` picks the role id (default: a fresh snowflake). Returns the role id. */
  createRole(name: string, permissions = '0', opts: { id?: string; guildId?: string } = {}): string {
    const g = this.guild(opts.guildId);
    const id = opts.id ?? this.snow.next();
    const extra = (g.extraRoles ??= []);
    if (extra.some((r) => r.id === id) || id === g.id || id === g.botRoleId) throw new Error(`DiscordSimulator: role ${id} already exists`);
    const r = role(id, name, permissions, 2 + extra.length);
    extra.push(r);
    const st = this.shardStates[shardOf(g.id, this.shardCount)]!;
    // Without a session the next READY's GUILD_CREATE carries the role; a queued event would repeat it.
    if (st.session?.valid) this.dispatchTo(st.session, 'GUILD_ROLE_CREATE', { guild_id: g.id, role: r });
    return id;
  }

  /** Who owns the application from now on: a user, or a team (GET /applications/@me then has a
   *  `team`, and `owner` is the team's synthetic user, as Discord sends it). */
  setApplicationOwner(owner: SimUser | SimTeam): void {
    this.applicationOwner = owner;
  }

  private applicationObject(): Json {
    const o = this.applicationOwner;
    const common = {
      id: this.applicationId,
      name: this.botUser.username,
      icon: null,
      description: '',
      bot_public: true,
      bot_require_code_grant: false,
      flags: 0,
      verify_key: 'sim',
      bot: apiUser(this.botUser, { bot: true }),
    };
    if (!('ownerId' in o)) return { ...common, owner: apiUser(o), team: null };
    const teamId = this.snow.next();
    return {
      ...common,
      owner: apiUser({ id: teamId, username: `team${teamId}` }, { flags: 1024 }),
      team: {
        id: teamId,
        name: 'Sim Team',
        icon: null,
        owner_user_id: o.ownerId,
        members: o.members.map((m) => ({ team_id: teamId, membership_state: m.state ?? 2, role: m.role, permissions: ['*'], user: apiUser(m.user) })),
      },
    };
  }

  /** Application commands registered by the bot: global (no argument) or for a guild. */
  registeredCommands(guildId?: string): Json[] {
    return this.commands.get(guildId ?? 'global') ?? [];
  }

  // ───────────────────────────── REST ─────────────────────────────

  private async onHttp(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', () => resolve(Buffer.concat(chunks)));
    });
    const decoded = url.pathname
      .split('/')
      .map((s) => {
        try {
          return decodeURIComponent(s);
        } catch {
          return s;
        }
      })
      .join('/');
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    const rec: RecordedRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      path: decoded.startsWith('/api/v10/') ? decoded.slice('/api/v10'.length) : decoded,
      query: Object.fromEntries(url.searchParams),
      headers,
      body: null,
      at: Date.now(),
    };
    this.requests.push(rec);
    let reply: Reply;
    try {
      const parsed = await this.parseBody(raw, headers['content-type'] ?? '');
      rec.body = parsed.body;
      if (parsed.files.length) rec.files = parsed.files;
      reply = parsed.error ?? this.fault(rec) ?? this.route(rec, decoded.startsWith('/api/v10/'));
    } catch (e) {
      reply = { status: 500, body: { message: `simulator error: ${(e as Error).message}`, code: 0 } };
    }
    rec.status = reply.status;
    const outHeaders: Record<string, string> = { ...(reply.headers ?? {}) };
    if (reply.status === 204 || reply.body === undefined) {
      res.writeHead(reply.status, outHeaders).end();
    } else {
      res.writeHead(reply.status, { 'content-type': 'application/json', ...outHeaders }).end(JSON.stringify(reply.body));
    }
    this.poke();
  }

  private async parseBody(raw: Buffer, contentType: string): Promise<{ body: unknown; files: NonNullable<RecordedRequest['files']>; error?: Reply }> {
    const files: NonNullable<RecordedRequest['files']> = [];
    if (!raw.length) return { body: null, files };
    if (contentType.startsWith('multipart/form-data')) {
      // discord.js sends attachments as multipart with the JSON in `payload_json`
      const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
      let body: unknown = null;
      for (const [field, value] of form.entries()) {
        if (typeof value === 'string') {
          if (field === 'payload_json') body = JSON.parse(value);
        } else {
          files.push({ field, name: value.name, contentType: value.type, size: value.size });
        }
      }
      return { body, files };
    }
    try {
      return { body: JSON.parse(raw.toString('utf8')), files };
    } catch {
      if (contentType.includes('json')) return { body: raw.toString('utf8'), files, error: err(400, 50109, 'The request body contains invalid JSON.') };
      return { body: raw.toString('utf8'), files };
    }
  }

  private fault(rec: RecordedRequest): Reply | null {
    const rule = this.failRules.find((r) => r.times > 0 && (!r.method || r.method.toUpperCase() === rec.method) && rec.path.includes(r.pathIncludes));
    if (!rule) return null;
    rule.times--;
    const headers: Record<string, string> = { ...(rule.response.headers ?? {}) };
    const lower = new Set(Object.keys(headers).map((k) => k.toLowerCase()));
    const body = rule.response.body as Json | undefined;
    if (rule.response.status === 429 && body && typeof body.retry_after === 'number') {
      if (!lower.has('retry-after')) headers['Retry-After'] = String(body.retry_after);
      if (body.global === true && !lower.has('x-ratelimit-global')) headers['X-RateLimit-Global'] = 'true';
      if (!lower.has('x-ratelimit-scope')) headers['X-RateLimit-Scope'] = body.global === true ? 'global' : 'user';
    }
    return { status: rule.response.status, body: rule.response.body, headers };
  }

  private route(rec: RecordedRequest, v10: boolean): Reply {
    if (!v10) return err(404, 0, '404: Not Found');
    const { method, path } = rec;
    const p = path.split('/').slice(1); // ['interactions', id, token, 'callback'] …
    const is = (m: string, re: RegExp): RegExpExecArray | null => (method === m ? re.exec(path) : null);
    let m: RegExpExecArray | null;

    // interaction callbacks and webhooks authenticate with the interaction token, not the bot token
    if (p[0] === 'interactions') {
      if ((m = is('POST', /^\/interactions\/(\d+)\/([^/]+)\/callback$/))) return this.callback(m[1]!, m[2]!, rec);
      return err(404, 0, '404: Not Found');
    }
    if (p[0] === 'webhooks') return this.webhook(rec, p);
    if (method === 'GET' && path === '/gateway') return { status: 200, body: { url: this.gatewayUrl } };
    if (rec.headers.authorization !== `Bot ${this.token}`) return err(401, 0, '401: Unauthorized');

    if (method === 'GET' && path === '/gateway/bot') {
      return {
        status: 200,
        body: {
          url: this.gatewayUrl,
          shards: this.shardCount,
          // max_concurrency 16: discord.js spaces IDENTIFYs 5 s per bucket (shardId % max_concurrency)
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 16 },
        },
      };
    }
    if (method === 'GET' && path === '/users/@me')
      return { status: 200, body: apiUser(this.botUser, { bot: true, verified: true, mfa_enabled: false, flags: 0 }) };
    if ((m = is('GET', /^\/users\/(\d+)$/))) {
      const u = m[1] === this.botUser.id ? this.botUser : this.users.get(m[1]!);
      return u ? { status: 200, body: apiUser(u, u === this.botUser ? { bot: true } : {}) } : err(404, 10013, 'Unknown User');
    }
    if (method === 'POST' && path === '/users/@me/channels') {
      const rid = String((rec.body as Json | null)?.recipient_id ?? '');
      const u = this.users.get(rid) ?? { id: rid, username: `user${rid.slice(-4)}` };
      return { status: 200, body: dmChannel(this.dmChannelId(u), u) };
    }
    if (method === 'GET' && (path === '/applications/@me' || path === `/applications/${this.applicationId}`)) {
      return { status: 200, body: this.applicationObject() };
    }
    if (p[0] === 'applications' && (p[2] === 'commands' || (p[2] === 'guilds' && p[4] === 'commands'))) {
      return this.commandRoute(rec, p);
    }
    if (p[0] === 'channels') return this.channelRoute(rec, p);
    if (p[0] === 'guilds') return this.guildRoute(rec, p);
    return err(404, 0, '404: Not Found');
  }

  // --- application commands ---

  private commandRoute(rec: RecordedRequest, p: string[]): Reply {
    if (p[1] !== this.applicationId) return err(403, 50001, 'Missing Access');
    const guildId = p[2] === 'guilds' ? p[3]! : null;
    if (guildId && !this.guilds.some((g) => g.id === guildId)) return err(404, 10004, 'Unknown Guild');
    const key = guildId ?? 'global';
    const rest = guildId ? p.slice(5) : p.slice(3); // [] or [commandId]
    const list = this.commands.get(key) ?? [];
    const build = (c: Json, prev?: Json): Json => ({
      type: 1,
      description: '',
      default_member_permissions: null,
      nsfw: false,
      ...(guildId ? {} : { contexts: null, integration_types: [0] }),
      ...c,
      id: prev?.id ?? this.snow.next(),
      application_id: this.applicationId,
      version: this.snow.next(),
      ...(guildId ? { guild_id: guildId } : {}),
    });
    const find = (c: Json): Json | undefined => list.find((x) => x.name === c.name && (x.type ?? 1) === (c.type ?? 1));
    if (rest.length === 0) {
      if (rec.method === 'GET') return { status: 200, body: list };
      if (rec.method === 'PUT') {
        const bad = this.validate ? validateCommands(rec.body) : null;
        if (bad) return bad;
        // bulk overwrite: commands keep their id when name+type match
        const next = ((rec.body as Json[]) ?? []).map((c) => build(c, find(c)));
        this.commands.set(key, next);
        return { status: 200, body: next };
      }
      if (rec.method === 'POST') {
        const errs = this.validate ? commandErrors(rec.body, []) : [];
        if (errs.length) return formError(errs);
        const prev = find(rec.body as Json);
        const cmd = build(rec.body as Json, prev);
        this.commands.set(key, [...list.filter((x) => x !== prev), cmd]);
        return { status: prev ? 200 : 201, body: cmd };
      }
    } else {
      const prev = list.find((x) => x.id === rest[0]);
      if (!prev) return err(404, 10063, 'Unknown application command');
      if (rec.method === 'GET') return { status: 200, body: prev };
      if (rec.method === 'DELETE') {
        this.commands.set(
          key,
          list.filter((x) => x !== prev),
        );
        return { status: 204 };
      }
      if (rec.method === 'PATCH') {
        const cmd = build({ ...prev, ...(rec.body as Json) }, prev);
        this.commands.set(
          key,
          list.map((x) => (x === prev ? cmd : x)),
        );
        return { status: 200, body: cmd };
      }
    }
    return err(405, 0, '405: Method Not Allowed');
  }

  // --- interactions ---

  private callback(id: string, token: string, rec: RecordedRequest): Reply {
    const it = this.interactions.get(id);
    if (!it || it.token !== token) return err(404, 10062, 'Unknown interaction');
    if (it.acked) return err(400, 40060, 'Interaction has already been acknowledged.');
    if (Date.now() - (it.deliveredAt ?? it.createdAt) > this.interactionTimeoutMs) return err(404, 10062, 'Unknown interaction');
    const body = (rec.body ?? {}) as Json;
    const type = Number(body.type);
    if (!(ALLOWED_CALLBACKS[it.type] ?? []).includes(type)) {
      return formError([{ path: ['type'], code: 'INTERACTION_RESPONSE_TYPE_INVALID', message: 'Invalid interaction response type' }]);
    }
    const data = (body.data ?? {}) as Json;
    if (this.validate) {
      const bad =
        type === 4 || type === 7
          ? validateMessage(data, { requireContent: type === 4, hasFiles: !!rec.files?.length })
          : type === 8
            ? validateChoices(data)
            : null;
      if (bad) return bad;
    }
    it.acked = true;
    it.callbackType = type;
    if (type === 4 || type === 5) {
      const flags = (typeof data.flags === 'number' ? data.flags : 0) | (type === 5 ? FLAG_LOADING : 0);
      it.original = this.storeMessage({
        ...this.webhookMessage(it, type === 4 ? data : {}, rec),
        flags,
        type: it.type === 2 ? 20 : 0, // 20 = ChatInputCommand reply
      });
    } else if ((type === 6 || type === 7) && it.componentMessage) {
      // for a component, @original is the message it sits on; type 7 edits it in place
      it.original = type === 7 ? this.storeMessage(this.editMessage(it.componentMessage, data, rec)) : it.componentMessage;
    }
    if (rec.query.with_response !== 'true') return { status: 204 };
    const withMessage = it.original && (type === 4 || type === 5 || type === 7);
    return {
      status: 200,
      body: {
        interaction: {
          id: it.id,
          type: it.type,
          activity_instance_id: null,
          response_message_id: withMessage ? it.original!.id : null,
          response_message_loading: type === 5,
          response_message_ephemeral: withMessage ? ((it.original!.flags as number) & FLAG_EPHEMERAL) !== 0 : false,
        },
        ...(withMessage ? { resource: { type, message: it.original } } : {}),
      },
    };
  }

  private attachmentsOf(rec: RecordedRequest): Json[] {
    return (rec.files ?? []).map((f) => ({
      id: this.snow.next(),
      filename: f.name,
      size: f.size,
      content_type: f.contentType,
      url: `${this.apiUrl}/attachments/${f.name}`,
      proxy_url: `${this.apiUrl}/attachments/${f.name}`,
    }));
  }

  private webhookMessage(it: SimInteraction, body: Json, rec: RecordedRequest): Json {
    return {
      ...apiMessage({ id: this.snow.next(), channelId: it.channelId, author: this.botApiUser(), body }),
      attachments: this.attachmentsOf(rec),
      webhook_id: this.applicationId,
      application_id: this.applicationId,
      interaction_metadata: { id: it.id, type: it.type, user: apiUser(it.user), authorizing_integration_owners: { '0': it.guildId ?? '0' } },
    };
  }

  /** Apply an edit (PATCH body / update data) to a stored message. */
  private editMessage(msg: Json, body: Json, rec: RecordedRequest): Json {
    const next: Json = { ...msg };
    const wasLoading = ((msg.flags as number) & FLAG_LOADING) !== 0;
    if ('content' in body) next.content = body.content ?? '';
    if ('embeds' in body) next.embeds = Array.isArray(body.embeds) ? body.embeds.map((e) => ({ type: 'rich', ...(e as Json) })) : [];
    if ('components' in body) next.components = body.components ?? [];
    if ('poll' in body) next.poll = body.poll;
    if (rec.files?.length) next.attachments = [...((msg.attachments as Json[]) ?? []), ...this.attachmentsOf(rec)];
    if (typeof body.flags === 'number') next.flags = body.flags;
    next.flags = (Number(next.flags) || 0) & ~FLAG_LOADING;
    if (!wasLoading) next.edited_timestamp = isoNow();
    return next;
  }

  private storeMessage(msg: Json): Json {
    this.messages.set(String(msg.id), msg);
    return msg;
  }

  private webhook(rec: RecordedRequest, p: string[]): Reply {
    // /webhooks/{app}/{token}[/messages/{id}]
    const [, appId, token, sub, messageId] = p;
    const it = token ? this.interactionsByToken.get(token) : undefined;
    if (appId !== this.applicationId || !it || !it.acked) return err(404, 10015, 'Unknown Webhook');
    if (Date.now() - it.createdAt > this.tokenLifetimeMs) return err(401, 50027, 'Invalid Webhook Token');
    const body = (rec.body ?? {}) as Json;
    if (sub === undefined) {
      if (rec.method !== 'POST') return err(405, 0, '405: Method Not Allowed');
      const bad = this.validate ? validateMessage(body, { requireContent: true, hasFiles: !!rec.files?.length }) : null;
      if (bad) return bad;
      const msg = this.storeMessage(this.webhookMessage(it, body, rec));
      it.followups.set(String(msg.id), msg);
      return rec.query.wait === 'true' ? { status: 200, body: msg } : { status: 204 };
    }
    if (sub !== 'messages' || !messageId || p.length > 5) return err(404, 0, '404: Not Found');
    const isOriginal = messageId === '@original' || messageId === it.original?.id;
    const msg = isOriginal ? it.original : it.followups.get(messageId);
    if (!msg) return err(404, 10008, 'Unknown Message');
    const save = (m: Json | null): void => {
      if (isOriginal) it.original = m;
      else if (m) it.followups.set(messageId, m);
      else it.followups.delete(messageId);
      if (m) this.storeMessage(m);
      else this.messages.delete(String(msg.id));
    };
    switch (rec.method) {
      case 'GET':
        return { status: 200, body: msg };
      case 'DELETE':
        save(null);
        return { status: 204 };
      case 'PATCH': {
        const bad = this.validate ? validateMessage(body, { requireContent: false }) : null;
        if (bad) return bad;
        const next = this.editMessage(msg, body, rec);
        save(next);
        return { status: 200, body: next };
      }
      default:
        return err(405, 0, '405: Method Not Allowed');
    }
  }

  // --- channels & guilds ---

  private channelObject(channelId: string): Json | null {
    const g = this.guilds.find((x) => x.channelId === channelId);
    if (g) return guildTextChannel(g.channelId, g.id, 'general');
    for (const [uid, cid] of this.dmChannels) {
      if (cid === channelId) return dmChannel(cid, this.users.get(uid) ?? { id: uid, username: `user${uid.slice(-4)}` });
    }
    return null;
  }

  private channelRoute(rec: RecordedRequest, p: string[]): Reply {
    const [, channelId, sub, messageId, sub2] = p;
    const channel = this.channelObject(channelId ?? '');
    if (!channel) return err(404, 10003, 'Unknown Channel');
    const body = (rec.body ?? {}) as Json;
    if (sub === undefined) return rec.method === 'GET' ? { status: 200, body: channel } : err(403, 50013, 'Missing Permissions');
    if (sub === 'typing' && rec.method === 'POST') return { status: 204 };
    if (sub !== 'messages') return err(404, 0, '404: Not Found');
    if (messageId === undefined) {
      if (rec.method === 'GET') {
        const list = [...this.messages.values()].filter((x) => x.channel_id === channelId).reverse();
        return { status: 200, body: list.slice(0, Number(rec.query.limit ?? 50)) };
      }
      if (rec.method !== 'POST') return err(405, 0, '405: Method Not Allowed');
      const bad = this.validate ? validateMessage(body, { requireContent: true, hasFiles: !!rec.files?.length }) : null;
      if (bad) return bad;
      const msg: Json = {
        ...apiMessage({ id: this.snow.next(), channelId: channelId!, author: this.botApiUser(), body }),
        attachments: this.attachmentsOf(rec),
      };
      const ref = body.message_reference as Json | undefined;
      if (ref?.message_id) {
        const target = this.messages.get(String(ref.message_id));
        if (!target && ref.fail_if_not_exists !== false) {
          return formError([{ path: ['message_reference'], code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', message: 'Unknown message' }]);
        }
        msg.type = 19; // Reply
        msg.message_reference = {
          type: 0,
          message_id: ref.message_id,
          channel_id: ref.channel_id ?? channelId,
          ...(channel.guild_id ? { guild_id: channel.guild_id } : {}),
        };
        if (target) msg.referenced_message = target;
      }
      return { status: 200, body: this.storeMessage(msg) };
    }
    const msg = this.messages.get(messageId);
    if (!msg || msg.channel_id !== channelId) return err(404, 10008, 'Unknown Message');
    if (sub2 === 'reactions') return rec.method === 'GET' ? { status: 200, body: [] } : { status: 204 };
    if (sub2 !== undefined) return err(404, 0, '404: Not Found');
    switch (rec.method) {
      case 'GET':
        return { status: 200, body: msg };
      case 'DELETE':
        this.messages.delete(messageId);
        return { status: 204 };
      case 'PATCH': {
        if ((msg.author as Json).id !== this.botUser.id) return err(403, 50005, 'Cannot edit a message authored by another user');
        const bad = this.validate ? validateMessage(body, { requireContent: false }) : null;
        if (bad) return bad;
        return { status: 200, body: this.storeMessage(this.editMessage(msg, body, rec)) };
      }
      default:
        return err(405, 0, '405: Method Not Allowed');
    }
  }

  private guildRoute(rec: RecordedRequest, p: string[]): Reply {
    const [, guildId, sub, id] = p;
    const g = this.guilds.find((x) => x.id === guildId);
    if (!g) return err(404, 10004, 'Unknown Guild');
    if (rec.method !== 'GET') return err(404, 0, '404: Not Found');
    const full = guildCreate(g, this.botUser, this.user.id);
    if (sub === undefined) {
      const rest: Json = { ...full };
      for (const k of ['channels', 'members', 'joined_at', 'large', 'voice_states', 'threads', 'presences', 'member_count']) delete rest[k];
      return { status: 200, body: rest };
    }
    if (sub === 'channels' && !id) return { status: 200, body: full.channels };
    if (sub === 'roles' && !id) return { status: 200, body: full.roles };
    if (sub === 'members' && id) {
      const isBot = id === this.botUser.id;
      const u = isBot ? this.botUser : this.users.get(id);
      if (!u) return err(404, 10007, 'Unknown Member');
      return { status: 200, body: apiMember(u, isBot ? [g.botRoleId] : [], isoNow(g.createdAt + 120_000)) };
    }
    return err(404, 0, '404: Not Found');
  }

  // ───────────────────────────── teardown ─────────────────────────────

  /** Close every socket and both servers. Destroy the discord.js Client first, or it will try to reconnect. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.reject(new Error('DiscordSimulator stopped'));
    }
    this.waiters.clear();
    for (const c of this.conns) c.ws.terminate();
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections(); // undici keeps REST connections alive
    for (const s of this.sockets) s.destroy();
    await closed;
  }
}
