// Pier's registry client in a process of its own, as Pier's processes run it against a registry with TLS: Node reads
// NODE_EXTRA_CA_CERTS only when a process starts, so a test runs this with and without it (registry-tls.test.ts).
//
//   node --import tsx packages/runtime/test/support/registry-tls-client.ts <registry address> <repository> <tag>
//
// Lists the repository's tags, deletes `<repository>:<tag>`, lists them again, and prints one JSON line:
// {"before":[…],"deleted":true,"after":[…]}, or {"error":"<its message>","name":"<its class>"} (exit code 1).
import { RegistryClient } from "../../src/registry/registry-client.ts";

const [address, repository, tag] = process.argv.slice(2);
if (!address || !repository || !tag) {
  console.error("usage: registry-tls-client.ts <registry address> <repository> <tag>");
  process.exit(2);
}
const client = new RegistryClient({ address, insecure: false }, 10_000);
try {
  const before = await client.listTags(repository);
  const deleted = await client.deleteTag(`${repository}:${tag}`);
  const after = await client.listTags(repository);
  console.log(JSON.stringify({ before, deleted, after }));
} catch (error) {
  console.log(JSON.stringify({ error: (error as Error).message, name: (error as Error).name }));
  process.exitCode = 1;
}
