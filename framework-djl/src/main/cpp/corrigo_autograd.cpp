// torch::autograd::grad for DJL tensors, which DJL 0.35.1's JNI does not expose (it has only
// Tensor::backward, which accumulates into every leaf). Built without libtorch's headers, which no
// reachable artifact ships for libtorch 2.7.1: the two declarations below restate what this file
// needs of them, and io.corrigo.djl.NativeAutograd uses the library only after a check computes
// d(x^2)/dx = 2x and its derivative 2 through it exactly.
//
//  - at::Tensor is one intrusive pointer to its TensorImpl; a DJL handle is a torch::Tensor*.
//    Input vectors hold borrowed copies of those pointers (no reference counts are taken, and this
//    stand-in has no destructor, so none are dropped); libtorch copies what it keeps with its own
//    code. Each returned tensor's reference moves into a new torch::Tensor object, which DJL
//    deletes with its own ~Tensor.
//  - the signature is libtorch 2.7.1's (torch/csrc/autograd/autograd.h); the symbol is linked
//    against a stub carrying DJL's libtorch_cpu.so soname, so the loader binds it to the library
//    the engine already loaded.
#include <jni.h>

#include <cstdint>
#include <exception>
#include <optional>
#include <vector>

namespace at {
class Tensor {
 public:
  void* impl;
};
}  // namespace at

namespace torch {
namespace autograd {
std::vector<at::Tensor> grad(const std::vector<at::Tensor>& outputs, const std::vector<at::Tensor>& inputs,
                             const std::vector<at::Tensor>& grad_outputs, std::optional<bool> retain_graph,
                             bool create_graph, bool allow_unused);
}  // namespace autograd
}  // namespace torch

namespace {

std::vector<at::Tensor> borrowed(JNIEnv* env, jlongArray handles) {
  jsize count = env->GetArrayLength(handles);
  std::vector<jlong> values(count);
  env->GetLongArrayRegion(handles, 0, count, values.data());
  std::vector<at::Tensor> tensors;
  tensors.reserve(count);
  for (jlong handle : values) {
    tensors.push_back(at::Tensor{*reinterpret_cast<void* const*>(static_cast<intptr_t>(handle))});
  }
  return tensors;
}

void raise(JNIEnv* env, const char* message) {
  jclass type = env->FindClass("java/lang/IllegalStateException");
  if (type != nullptr) {
    env->ThrowNew(type, message);
  }
}

}  // namespace

extern "C" JNIEXPORT jlongArray JNICALL Java_io_corrigo_djl_NativeAutograd_grad(
    JNIEnv* env, jclass, jlongArray outputs, jlongArray inputs, jlongArray seeds, jboolean create_graph) {
  std::vector<at::Tensor> grads;
  try {
    grads = torch::autograd::grad(borrowed(env, outputs), borrowed(env, inputs), borrowed(env, seeds),
                                  std::nullopt, create_graph == JNI_TRUE, false);
  } catch (const std::exception& e) {
    raise(env, e.what());
    return nullptr;
  } catch (...) {
    raise(env, "torch::autograd::grad failed");
    return nullptr;
  }
  std::vector<jlong> handles(grads.size());
  for (size_t i = 0; i < grads.size(); i++) {
    handles[i] = static_cast<jlong>(reinterpret_cast<intptr_t>(new at::Tensor{grads[i].impl}));
  }
  jlongArray result = env->NewLongArray(static_cast<jsize>(handles.size()));
  if (result != nullptr) {
    env->SetLongArrayRegion(result, 0, static_cast<jsize>(handles.size()), handles.data());
  }
  return result;
}
