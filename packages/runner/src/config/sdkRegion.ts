import { ECSClient } from '@aws-sdk/client-ecs';

/**
 * The region the AWS SDK itself would use (its own resolution: `AWS_REGION`, then the `region`
 * of the active profile in the shared config file, `AWS_CONFIG_FILE` or `~/.aws/config`, profile
 * `AWS_PROFILE` or `default`), or undefined when it finds none. Asking the SDK instead of reading
 * the INI file ourselves keeps Mona's answer the same as the client's in every corner (quoted
 * values, `[default]` vs `[profile default]`, sso-session sections, new SDK rules). Resolved
 * once, at config time, so a missing region is still reported before anything starts.
 *
 * @example
 * await sdkRegion({ AWS_PROFILE: 'prod' }); // 'eu-west-1' from `[profile prod]` in ~/.aws/config
 */
export async function sdkRegion(env: Readonly<Record<string, string | undefined>>): Promise<string | undefined> {
  const profile = env['AWS_PROFILE'];
  const client = new ECSClient(profile ? { profile } : {});
  try {
    const region = await client.config.region();
    return region === '' ? undefined : region;
  } catch {
    // The SDK throws "Region is missing" when nothing names one: the caller reports it with the fix.
    return undefined;
  } finally {
    client.destroy();
  }
}
