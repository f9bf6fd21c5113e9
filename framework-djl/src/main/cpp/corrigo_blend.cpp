// target ← keep·target + take·source for many arrays in one JNI call and one pass each: Polyak
// averaging and exponential moving averages of parameters. DJL's form is three libtorch operations
// per array (source.mul(take), target.muli(keep), target.addi(product)) and one temporary; this
// rounds each product and the sum exactly where they do. io.corrigo.djl.ParameterBlend checks
// that against DJL's operations before using it.
#include <jni.h>

#include <cstdint>
#include <exception>
#include <stdexcept>
#include <string>
#include <vector>

#include "corrigo_jni.h"
#include "torch_abi.h"
#include "vector_clones.h"

namespace {

CORRIGO_VECTOR_CLONES
void blend(float* __restrict target, const float* __restrict source, int64_t n, float keep, float take) {
  for (int64_t i = 0; i < n; i++) {
    target[i] = target[i] * keep + source[i] * take;
  }
}

float* contiguous_floats(jlong handle, size_t index) {
  const at::Tensor& t = corrigo_tensor(handle);
  if (!t.impl->is_contiguous_custom(c10::MemoryFormat::Contiguous)) {
    throw std::runtime_error("array " + std::to_string(index) + " is not contiguous");
  }
  return t.data_ptr<float>();
}

}  // namespace

// Checks every array first (float32, contiguous, allocated) and, if one fails, changes nothing and
// returns why; else blends them all and returns null.
extern "C" JNIEXPORT jstring JNICALL Java_io_corrigo_djl_ParameterBlend_blend(
    JNIEnv* env, jclass, jlongArray targets, jlongArray sources, jlongArray sizes, jfloat keep, jfloat take) {
  std::vector<jlong> t = corrigo_longs(env, targets);
  std::vector<jlong> s = corrigo_longs(env, sources);
  std::vector<jlong> n = corrigo_longs(env, sizes);
  if (s.size() != t.size() || n.size() != t.size()) {
    return env->NewStringUTF("targets, sources and sizes differ in number");
  }
  std::vector<float*> to(t.size()), from(t.size());
  try {
    for (size_t i = 0; i < t.size(); i++) {
      to[i] = contiguous_floats(t[i], i);
      from[i] = contiguous_floats(s[i], i);
    }
  } catch (const std::exception& e) {
    return env->NewStringUTF(e.what());
  } catch (...) {
    return env->NewStringUTF("the arrays could not be read");
  }
  for (size_t i = 0; i < t.size(); i++) {
    blend(to[i], from[i], n[i], keep, take);
  }
  return nullptr;
}
