import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach } from 'vitest';

/** What the local AWS saw: AssumeRole calls (with their parameters) and the access key of each ECS call. */
export interface LocalAws {
  url: string;
  assumeRoles: Record<string, string>[];
  ecsKeys: string[];
  /** Answer AssumeRole with AccessDenied from now on. */
  deny: boolean;
  /** Lifetime of the credentials AssumeRole hands out, ms. */
  lifetimeMs: number;
  close(): Promise<void>;
}

/**
 * A loopback server that answers STS AssumeRole and GetCallerIdentity (query protocol, XML), AssumeRole with numbered temporary
 * credentials and ECS ListServices (JSON 1.1) with an empty page, recording the access key of
 * every ECS call: enough to watch the SDK's credential provider assume, cache and refresh.
 */
export async function startLocalAws(): Promise<LocalAws> {
  let issued = 0;
  const state: LocalAws = { url: '', assumeRoles: [], ecsKeys: [], deny: false, lifetimeMs: 3_600_000, close: async () => {} };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const key = /Credential=([^/]+)\//.exec(req.headers.authorization ?? '')?.[1] ?? '';
      if (typeof req.headers['x-amz-target'] === 'string') {
        state.ecsKeys.push(key);
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
        res.end('{"serviceArns":[]}');
        return;
      }
      const params = Object.fromEntries(new URLSearchParams(body));
      if (params['Action'] === 'GetCallerIdentity') {
        const arn = key.startsWith('ASIA')
          ? 'arn:aws:sts::111111111111:assumed-role/mona-read/mona'
          : 'arn:aws:iam::000000000000:user/mona';
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.end(
          `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>` +
            `<Arn>${arn}</Arn><UserId>AIDA</UserId><Account>${arn.split(':')[4] ?? ''}</Account></GetCallerIdentityResult>` +
            `<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
        );
        return;
      }
      state.assumeRoles.push(params);
      if (state.deny) {
        res.writeHead(403, { 'content-type': 'text/xml' });
        res.end(
          `<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:sts::000000000000:assumed-role/mona/x is not authorized to perform: sts:AssumeRole on resource: ${params['RoleArn'] ?? ''}</Message></Error><RequestId>1</RequestId></ErrorResponse>`,
        );
        return;
      }
      issued += 1;
      const expiration = new Date(Date.now() + state.lifetimeMs).toISOString();
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end(
        `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials>` +
          `<AccessKeyId>ASIATEST${issued}</AccessKeyId><SecretAccessKey>secret</SecretAccessKey><SessionToken>token${issued}</SessionToken>` +
          `<Expiration>${expiration}</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROA:mona</AssumedRoleId>` +
          `<Arn>arn:aws:sts::111111111111:assumed-role/mona-read/mona</Arn></AssumedRoleUser></AssumeRoleResult>` +
          `<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></AssumeRoleResponse>`,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

/**
 * Registers, for the enclosing suite, a local STS + ECS started before each test with Mona's own
 * credentials (`AKIAMONA`, the source of AssumeRole) in the environment, restored and closed after
 * each. Returns the current one.
 *
 * @example
 * const aws = useLocalAws();
 * it('…', async () => { await checkAccess(refs, { endpoint: aws().url, stsEndpoint: aws().url }); });
 */
export function useLocalAws(): () => LocalAws {
  let aws: LocalAws | undefined;
  const saved = { ...process.env };
  beforeEach(async () => {
    aws = await startLocalAws();
    process.env['AWS_ACCESS_KEY_ID'] = 'AKIAMONA';
    process.env['AWS_SECRET_ACCESS_KEY'] = 'not-a-secret';
  });
  afterEach(async () => {
    process.env = { ...saved };
    await aws?.close();
    aws = undefined;
  });
  return () => {
    if (!aws) throw new Error('useLocalAws: the local AWS exists only inside a test');
    return aws;
  };
}
