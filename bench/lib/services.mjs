// The cluster as the bench builds it: service names, and the raw DescribeServices answers of them.

/** The name of service `index` (1-based) of `count`, as the simulator's `createServices` names them. */
export function serviceName(index, count) {
  return `svc-${String(index).padStart(String(count).length, '0')}`;
}

/** The DescribeServices answers of `names` in batches of 10, as the simulator at `url` sends them (bytes). */
export async function describeBodies(url, names) {
  const bodies = [];
  for (let i = 0; i < names.length; i += 10) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonEC2ContainerServiceV20141113.DescribeServices' },
      body: JSON.stringify({ cluster: 'default', services: names.slice(i, i + 10) }),
    });
    bodies.push(new Uint8Array(await response.arrayBuffer()));
  }
  return bodies;
}
