/* Link-time stand-in for DJL's libc10.so (same soname), like libtorch_cpu_stub.c. Never loaded. */
char _ZN3c1019UndefinedTensorImpl10_singletonE[1];
void _ZNK3c1010TensorImpl4gradEv(void) {
}
void _ZNK3c1010TensorImpl20is_contiguous_customENS_12MemoryFormatE(void) {
}
