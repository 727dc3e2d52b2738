import { AwsApiError } from '../errors.js';

/** A role that callers may assume. */
export interface SimRole {
  arn: string;
  /** The account the role (and its credentials) belong to: the 5th field of the ARN. */
  accountId: string;
  /** `sts:ExternalId` the trust policy asks for; absent, none is asked. */
  externalId?: string;
  /** False: every AssumeRole is refused with AccessDenied (a missing or wrong trust policy). */
  assumable: boolean;
}

/** Who a request was signed by. */
export interface Caller {
  accountId: string;
  arn: string;
  userId: string;
}

/** Temporary credentials handed out by AssumeRole. */
export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiresAt: number;
}

interface Session extends Caller {
  expiresAt: number;
}

/** Options of the simulated STS. */
export interface StsOptions {
  /** The account of long-term keys (Mona's own). Default `000000000000`. */
  homeAccountId?: string;
  /** Long-term access key ids accepted; absent, every key that AssumeRole did not issue is the home account's. */
  homeAccessKeyIds?: readonly string[];
  /** Lifetime of issued credentials, ms. Default 1 hour (AssumeRole's default). */
  lifetimeMs?: number;
  /** Wall clock of credential expiry (the SDK compares with its own). Default `Date.now`. */
  now?: () => number;
}

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(.+)$/;

/**
 * The simulated STS of an organisation: roles, the temporary credentials AssumeRole issued and
 * whose they are, so the ECS front can tell which account a call was signed for. Signatures are
 * not verified; the access key id names the caller, as it does in AWS.
 *
 * @example
 * const sts = new Sts({ lifetimeMs: 30_000 });
 * sts.addRole('arn:aws:iam::111111111111:role/mona-read', { externalId: 'x' });
 * const creds = sts.assumeRole(sts.callerOf('AKIAHOME'), { RoleArn: 'arn:aws:iam::111111111111:role/mona-read', ExternalId: 'x', RoleSessionName: 'mona' });
 * sts.callerOf(creds.accessKeyId).accountId; // '111111111111'
 */
export class Sts {
  readonly homeAccountId: string;
  /** Credential lifetime of the next AssumeRole, ms; settable at any time. */
  lifetimeMs: number;
  /** AssumeRole calls per role ARN, refused ones included. */
  readonly assumeRoleCalls = new Map<string, number>();
  /** Calls refused because their temporary credentials had expired. */
  expiredCalls = 0;
  private readonly roles = new Map<string, SimRole>();
  private readonly sessions = new Map<string, Session>();
  private readonly homeKeys: ReadonlySet<string> | undefined;
  private readonly now: () => number;
  private issued = 0;

  constructor(options: StsOptions = {}) {
    this.homeAccountId = options.homeAccountId ?? '000000000000';
    this.homeKeys = options.homeAccessKeyIds ? new Set(options.homeAccessKeyIds) : undefined;
    this.lifetimeMs = Math.max(1, options.lifetimeMs ?? 3_600_000);
    this.now = options.now ?? Date.now;
  }

  /** Adds (or replaces) a role; its account is read from the ARN. */
  addRole(arn: string, options: { externalId?: string; assumable?: boolean } = {}): SimRole {
    const match = ROLE_ARN.exec(arn);
    if (!match?.[1]) throw new AwsApiError('ValidationError', `${arn} is not a role ARN (arn:aws:iam::<12 digits>:role/<name>).`);
    const role: SimRole = {
      arn,
      accountId: match[1],
      assumable: options.assumable ?? true,
      ...(options.externalId ? { externalId: options.externalId } : {}),
    };
    this.roles.set(arn, role);
    return role;
  }

  /** Makes a role unassumable (or assumable again): its trust policy no longer lets anyone in. */
  setAssumable(arn: string, assumable: boolean): void {
    const role = this.roles.get(arn);
    if (role) role.assumable = assumable;
  }

  /**
   * The caller of a request signed with `accessKeyId`: the role's account for credentials that
   * AssumeRole issued, the home account for long-term keys. Throws `UnrecognizedClientException`
   * for keys nobody issued and `ExpiredTokenException` for expired ones, as AWS answers.
   */
  callerOf(accessKeyId: string | undefined): Caller {
    if (!accessKeyId) throw new AwsApiError('MissingAuthenticationTokenException', 'Missing Authentication Token', { status: 403 });
    const session = this.sessions.get(accessKeyId);
    if (session) {
      if (session.expiresAt <= this.now()) {
        this.expiredCalls += 1;
        throw new AwsApiError('ExpiredTokenException', 'The security token included in the request is expired', { status: 400 });
      }
      return session;
    }
    if (accessKeyId.startsWith('ASIA') || (this.homeKeys && !this.homeKeys.has(accessKeyId))) {
      throw new AwsApiError('UnrecognizedClientException', 'The security token included in the request is invalid.', { status: 400 });
    }
    return { accountId: this.homeAccountId, arn: `arn:aws:iam::${this.homeAccountId}:user/mona`, userId: `AIDA${accessKeyId.slice(-8)}` };
  }

  /** AssumeRole: temporary credentials of the role's account, or AccessDenied. */
  assumeRole(
    caller: Caller,
    params: URLSearchParams | Record<string, string | undefined>,
  ): IssuedCredentials & { roleArn: string; sessionArn: string } {
    const get = (key: string): string | undefined => (params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key]);
    const roleArn = get('RoleArn') ?? '';
    const sessionName = get('RoleSessionName') ?? '';
    this.assumeRoleCalls.set(roleArn, (this.assumeRoleCalls.get(roleArn) ?? 0) + 1);
    if (!roleArn || !sessionName) throw new AwsApiError('ValidationError', 'RoleArn and RoleSessionName are required.');
    const role = this.roles.get(roleArn);
    if (!role || !role.assumable || (role.externalId !== undefined && role.externalId !== get('ExternalId'))) {
      throw new AwsApiError('AccessDenied', `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, {
        status: 403,
      });
    }
    this.issued += 1;
    const serial = String(this.issued).padStart(12, '0');
    const name =
      roleArn
        .slice(roleArn.indexOf(':role/') + 6)
        .split('/')
        .pop() ?? 'role';
    const sessionArn = `arn:aws:sts::${role.accountId}:assumed-role/${name}/${sessionName}`;
    const credentials: IssuedCredentials = {
      accessKeyId: `ASIASIM${serial}`,
      secretAccessKey: `sim-secret-${serial}`,
      sessionToken: `sim-token-${serial}`,
      expiresAt: this.now() + this.lifetimeMs,
    };
    this.sessions.set(credentials.accessKeyId, {
      accountId: role.accountId,
      arn: sessionArn,
      userId: `AROASIM${serial}:${sessionName}`,
      expiresAt: credentials.expiresAt,
    });
    return { ...credentials, roleArn, sessionArn };
  }
}
