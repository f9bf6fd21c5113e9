/*
 * Corrigo: makes the Intel MKL linked into libtorch take its optimised code path on AMD processors.
 * MKL asks this function whether it runs on an Intel CPU and, when not, uses generic kernels about
 * half as fast on this machine class (STACK-NOTES.md). Loaded with RTLD_GLOBAL before libtorch, this
 * definition interposes on MKL's own. Built by Maven with gcc; without gcc Corrigo runs as before.
 */
int mkl_serv_intel_cpu_true(void) {
    return 1;
}
