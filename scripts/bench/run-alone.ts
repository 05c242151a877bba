import { pathToFileURL } from "node:url";
import { migrate } from "../../lib/db/migrate";

/** The bench database of `npm run bench` (its embedded server must be running). */
const BENCH_URL = "postgresql://postgres:orderhub@127.0.0.1:54320/orderhub_bench";

/**
 * When a bench module is run by itself (`tsx scripts/bench/<module>.ts [numbers…]`): migrates the bench
 * database (DATABASE_URL, else npm run bench's), runs the module with its numeric arguments (0 = default)
 * and prints its JSON. Does nothing when the module is imported by scripts/bench.ts.
 */
export async function runAlone(moduleUrl: string, bench: (url: string, args: number[]) => Promise<unknown>) {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? "").href) return;
  const url = process.env.DATABASE_URL ?? BENCH_URL;
  await migrate(url);
  console.log(JSON.stringify(await bench(url, process.argv.slice(2).map(Number)), null, 2));
  process.exit(0); // pools and servers a module leaves open must not keep the process alive
}
