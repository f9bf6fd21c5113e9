// Compiles a loop once per x86-64 level (AVX-512, AVX2 + FMA, baseline) and picks the one the CPU
// runs at load time, so the library needs no -march; GCC 11 and later. Every clone rounds the same
// way: -ffp-contract=off, and fmaf where a fused multiply-add is meant.
#ifndef CORRIGO_VECTOR_CLONES_H
#define CORRIGO_VECTOR_CLONES_H

#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 11
#define CORRIGO_VECTOR_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define CORRIGO_VECTOR_CLONES
#endif

#endif
