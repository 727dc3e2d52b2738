import type { Server } from 'node:http';
import { closeServer, listen } from './httpServer.js';
import type { ApiRequest, ApiResponse } from './httpServer.js';
import { AwsApiError } from './errors.js';
import { Simulator } from './Simulator.js';
import type { SimulatorOptions } from './Simulator.js';
import type { PublishedMessage } from './snsPublish.js';
import { Sts } from './sts/Sts.js';
import type { Caller, StsOptions } from './sts/Sts.js';
import { STS_ACTIONS, accessKeyOf, signedRegionOf, stsRequest } from './sts/stsApi.js';

/** One watched account of an organisation. */
export interface OrganizationAccount {
  /** 12-digit account id. */
  id: string;
  /** Roles in the account, by name (`arn:aws:iam::<id>:role/<name>`). */
  roles?: Array<{ name: string; externalId?: string; assumable?: boolean }>;
}

/** Options of an organisation: the simulators' (shared by every account and region), STS's and the accounts. */
export interface OrganizationOptions extends Omit<SimulatorOptions, 'region' | 'accountId'> {
  accounts: OrganizationAccount[];
  /** Mona's own account (long-term keys). Default `000000000000`. */
  homeAccountId?: string;
  /** Long-term access key ids accepted; absent, any key AssumeRole did not issue is the home account's. */
  homeAccessKeyIds?: readonly string[];
  /** Lifetime of the credentials AssumeRole issues, ms (short for refresh tests). Default 1 hour. */
  credentialLifetimeMs?: StsOptions['lifetimeMs'];
  /** TCP port on 127.0.0.1. Default 0. */
  port?: number;
}

/**
 * Several AWS accounts and regions behind one loopback endpoint, with STS: one `Simulator` per
 * account and region (made on first use), chosen for each ECS call by who signed it (the
 * access key id of the SigV4 `Authorization` header: AssumeRole's temporary credentials belong
 * to the role's account) and the region of its credential scope. A call signed with unknown or
 * expired credentials is refused as ECS refuses it (`UnrecognizedClientException`,
 * `ExpiredTokenException`); a cluster of another account is simply not there
 * (`ClusterNotFoundException`). SNS Publish goes to the home account's simulator.
 *
 * @example
 * const org = await startOrganization({ accounts: [{ id: '111111111111', roles: [{ name: 'mona-read', externalId: 'x' }] }] });
 * org.simulator('111111111111', 'eu-west-1').createService('api', { cluster: 'prod' });
 * org.sts.setAssumable(org.roleArn('111111111111', 'mona-read'), false);
 */
export class Organization {
  url = '';
  readonly sts: Sts;
  /** ECS calls refused for their credentials, by error code. */
  readonly refused: Record<string, number> = {};
  private readonly simulators = new Map<string, Simulator>();
  private server: Server | undefined;

  constructor(private readonly options: OrganizationOptions) {
    this.sts = new Sts({
      ...(options.homeAccountId ? { homeAccountId: options.homeAccountId } : {}),
      ...(options.homeAccessKeyIds ? { homeAccessKeyIds: options.homeAccessKeyIds } : {}),
      ...(options.credentialLifetimeMs ? { lifetimeMs: options.credentialLifetimeMs } : {}),
    });
    for (const account of options.accounts) {
      for (const role of account.roles ?? []) {
        this.sts.addRole(this.roleArn(account.id, role.name), {
          ...(role.externalId ? { externalId: role.externalId } : {}),
          ...(role.assumable === false ? { assumable: false } : {}),
        });
      }
    }
  }

  /** ARN of a role of an account. */
  roleArn(accountId: string, name: string): string {
    return `arn:aws:iam::${accountId}:role/${name}`;
  }

  /** The simulator of one account and region, made on first use (every account has every region). */
  simulator(accountId: string, region: string): Simulator {
    const key = `${accountId}|${region}`;
    let sim = this.simulators.get(key);
    if (!sim) {
      const {
        accounts: _accounts,
        homeAccountId: _home,
        homeAccessKeyIds: _keys,
        credentialLifetimeMs: _life,
        port: _port,
        ...simOptions
      } = this.options;
      sim = new Simulator({ ...simOptions, region, accountId });
      this.simulators.set(key, sim);
    }
    return sim;
  }

  /** SNS messages published to the home account, oldest first. */
  get published(): readonly PublishedMessage[] {
    return this.simulator(this.sts.homeAccountId, 'us-east-1').published;
  }

  /** ECS calls per action of one account and region. */
  calls(accountId: string, region: string): Readonly<Record<string, number>> {
    return this.simulator(accountId, region).calls;
  }

  /** Routes one request: STS, SNS (home account) or ECS (the signer's account, the signed region). */
  dispatch(req: ApiRequest): ApiResponse | Promise<ApiResponse> {
    const accessKeyId = accessKeyOf(req.authorization);
    const region = signedRegionOf(req.authorization) ?? 'us-east-1';
    if (req.contentType.includes('application/x-www-form-urlencoded')) {
      const params = new URLSearchParams(req.body);
      if (STS_ACTIONS.has(params.get('Action') ?? '')) return stsRequest(this.sts, params, accessKeyId, `sts-${Date.now()}`);
      return this.simulator(this.sts.homeAccountId, region).dispatch(req);
    }
    let caller: Caller;
    try {
      caller = this.sts.callerOf(accessKeyId);
    } catch (error) {
      if (!(error instanceof AwsApiError)) throw error;
      this.refused[error.type] = (this.refused[error.type] ?? 0) + 1;
      return {
        status: error.status,
        headers: { 'content-type': 'application/x-amz-json-1.1' },
        body: JSON.stringify({ __type: error.type, message: error.message }),
      };
    }
    return this.simulator(caller.accountId, region).dispatch(req);
  }

  /** Starts listening on 127.0.0.1. */
  async listen(port = this.options.port ?? 0): Promise<this> {
    const { server, url } = await listen((req) => this.dispatch(req), port);
    this.server = server;
    this.url = url;
    return this;
  }

  /** Stops every simulator and the server. Idempotent. */
  async close(): Promise<void> {
    await Promise.all([...this.simulators.values()].map((sim) => sim.close()));
    const server = this.server;
    this.server = undefined;
    if (server) await closeServer(server);
  }
}

/**
 * Starts an organisation listening on 127.0.0.1: point ECS, STS and SNS clients at `org.url`.
 *
 * @example
 * const org = await startOrganization({ accounts: [{ id: '111111111111', roles: [{ name: 'mona-read' }] }], clock: 'real' });
 * await org.close();
 */
export async function startOrganization(options: OrganizationOptions): Promise<Organization> {
  const org = new Organization(options);
  try {
    return await org.listen();
  } catch (error) {
    await org.close();
    throw error;
  }
}
