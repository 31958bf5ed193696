/** Runs a benchmark's `main`, then exits (the https JWKS and pools would keep the process alive): 1, the error printed, if it failed. */
export function runBenchmark(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
