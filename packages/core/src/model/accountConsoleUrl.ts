/**
 * How the console link opens in the right account. The ECS console's own URL names the region
 * (`?region=`) but cannot name an account: a link to it opens in whatever account the browser is
 * signed in to. The way AWS offers to land in a given account by URL is an IAM Identity Center
 * access-portal shortcut (`/#/console?account_id=…&role_name=…&destination=…`), which signs the
 * user in to that account with that permission set and then opens the destination.
 */
export interface ConsoleAccess {
  /** The AWS access portal's start URL, e.g. `https://my-org.awsapps.com/start`. */
  accessPortalUrl: string;
  /** The permission set (role) people use to look at ECS, e.g. `ReadOnlyAccess`. */
  roleName: string;
}

/**
 * The console link of a service in a given account: the access-portal shortcut around the ECS
 * console URL when `access` is configured and the account id is known, otherwise the ECS URL
 * unchanged (it then opens in the signed-in account).
 *
 * @example
 * accountConsoleUrl(ecsUrl, '111111111111', { accessPortalUrl: 'https://my-org.awsapps.com/start', roleName: 'ReadOnly' });
 * // 'https://my-org.awsapps.com/start/#/console?account_id=111111111111&role_name=ReadOnly&destination=https%3A%2F%2F…'
 */
export function accountConsoleUrl(url: string, accountId: string | undefined, access: ConsoleAccess | undefined): string {
  if (!access || !accountId || url === '') return url;
  const portal = access.accessPortalUrl.replace(/\/+(#.*)?$/, '');
  const query = new URLSearchParams({ account_id: accountId, role_name: access.roleName, destination: url });
  return `${portal}/#/console?${query.toString()}`;
}
