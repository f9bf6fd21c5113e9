// torch::autograd::grad for DJL tensors, which DJL 0.35.1's JNI does not expose (it has only
// Tensor::backward, which accumulates into every leaf). Built without libtorch's headers (see
// torch_abi.h); io.corrigo.djl.NativeAutograd uses the library only after a check computes
// d(x^2)/dx = 2x and its derivative 2 through it exactly.
//
// Input vectors hold borrowed copies of the handles' tensors (no reference counts are taken, and
// the stand-in has no destructor, so none are dropped); libtorch copies what it keeps with its own
// code. Each returned tensor's reference moves into a new torch::Tensor object, which DJL deletes
// with its own ~Tensor.
#include <jni.h>

#include <exception>
#include <optional>
#include <vector>

#include "corrigo_jni.h"
#include "torch_abi.h"

namespace {

std::vector<at::Tensor> borrowed(JNIEnv* env, jlongArray handles) {
  std::vector<jlong> values = corrigo_longs(env, handles);
  std::vector<at::Tensor> tensors;
  tensors.reserve(values.size());
  for (jlong handle : values) {
    tensors.push_back(corrigo_tensor(handle));
  }
  return tensors;
}

}  // namespace

extern "C" JNIEXPORT jlongArray JNICALL Java_io_corrigo_djl_NativeAutograd_grad(
    JNIEnv* env, jclass, jlongArray outputs, jlongArray inputs, jlongArray seeds, jboolean create_graph) {
  std::vector<at::Tensor> grads;
  try {
    grads = torch::autograd::grad(borrowed(env, outputs), borrowed(env, inputs), borrowed(env, seeds),
                                  std::nullopt, create_graph == JNI_TRUE, false);
  } catch (const std::exception& e) {
    corrigo_raise(env, e.what());
    return nullptr;
  } catch (...) {
    corrigo_raise(env, "torch::autograd::grad failed");
    return nullptr;
  }
  std::vector<jlong> handles(grads.size());
  for (size_t i = 0; i < grads.size(); i++) {
    handles[i] = static_cast<jlong>(reinterpret_cast<intptr_t>(new at::Tensor(grads[i])));
  }
  jlongArray result = env->NewLongArray(static_cast<jsize>(handles.size()));
  if (result != nullptr) {
    env->SetLongArrayRegion(result, 0, static_cast<jsize>(handles.size()), handles.data());
  }
  return result;
}
