/** Runs a script's main: an Error prints as its message (stack with DEBUG set) and exit code 1. */
export function runCli(main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (error: unknown) => {
      const message = error instanceof Error ? (process.env.DEBUG ? (error.stack ?? error.message) : error.message) : String(error);
      console.error(message);
      process.exitCode = 1;
    },
  );
}
