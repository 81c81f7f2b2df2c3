// Entry point of reparto_bench: the Google Benchmark main for every bench/*.cc.
// See docs/benchmarks.md for the command, what each benchmark measures and the targets.
#include <benchmark/benchmark.h>

BENCHMARK_MAIN();
