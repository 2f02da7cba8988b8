import { startSandbox } from './server';

// `npm run sandbox -- --port N --seed S`: the provider sandbox on its own, for demos and manual testing.
function argValue(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} needs a non-negative whole number`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({ port: argValue('port') ?? 0, seed: argValue('seed') });
  console.log(`Imagery Desk provider sandbox on ${sandbox.origin} (seed ${sandbox.state.seed})`);
  for (const [provider, urls] of Object.entries(sandbox.baseUrls)) {
    for (const [key, url] of Object.entries(urls)) console.log(`  ${provider.padEnd(8)} ${key.padEnd(7)} ${url}`);
  }
  console.log(`  admin            ${sandbox.origin}/__admin (loopback only)`);
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`The sandbox could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
