// Empty stand-in for "server-only" in the benchmark process (see stub-server-only.cjs).
