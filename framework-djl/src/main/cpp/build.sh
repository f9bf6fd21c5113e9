#!/bin/sh
# Builds libcorrigo-autograd.so (NativeAutograd, NativeAdam, ParameterBlend, InPlaceRelu) into $1; $2 is the JDK whose jni.h to use.
# A machine without g++ (or not Linux x86_64) builds without it: the learners then use the
# written-out gradient and DJL's Adam update, and NativeAutograd and NativeAdam say so.
# -ffp-contract=off: corrigo_adam.cpp and corrigo_blend.cpp round each operation where libtorch does.
out="$1/io/corrigo/djl/native/linux-x86_64"
jdk="$2"
here="$(dirname "$0")"
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ] || ! command -v g++ >/dev/null 2>&1 \
        || [ ! -f "$jdk/include/jni.h" ]; then
    echo "corrigo: no g++ or jni.h (or not Linux x86_64): building without the native autograd library"
    exit 0
fi
stub="$(mktemp -d)"
trap 'rm -rf "$stub"' EXIT
mkdir -p "$out"
if ! { gcc -shared -fPIC -o "$stub/libtorch_cpu.so" -Wl,-soname,libtorch_cpu.so "$here/libtorch_cpu_stub.c" \
        && gcc -shared -fPIC -o "$stub/libc10.so" -Wl,-soname,libc10.so "$here/libc10_stub.c" \
        && g++ -std=c++17 -shared -fPIC -O3 -ffp-contract=off -fno-math-errno -Wall -Wl,-z,now \
            -I"$jdk/include" -I"$jdk/include/linux" -o "$out/libcorrigo-autograd.so" \
            "$here/corrigo_autograd.cpp" "$here/corrigo_adam.cpp" "$here/corrigo_blend.cpp" "$here/corrigo_inplace.cpp" -L"$stub" -ltorch_cpu -lc10; }; then
    rm -f "$out/libcorrigo-autograd.so"
    echo "corrigo: the native autograd library did not build (see above): building without it"
fi
