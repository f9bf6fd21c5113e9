// What corrigo's JNI sources need of libtorch 2.7.1's C++ API, restated: no reachable artifact ships
// the headers for the libtorch DJL 0.35.1 loads. Every declaration names a symbol that libtorch_cpu.so
// or libc10.so exports; the stubs beside this file carry those sonames, so the loader binds the calls
// to the libraries the engine already loaded. Callers check what they get (see the Java classes).
//
//  - at::Tensor (and at::TensorBase) is one intrusive pointer to its TensorImpl; a DJL handle is a
//    torch::Tensor*. The stand-ins here have no destructor, so copying one takes and drops no
//    reference count.
#ifndef CORRIGO_TORCH_ABI_H
#define CORRIGO_TORCH_ABI_H

#include <cstdint>
#include <optional>
#include <vector>

namespace c10 {
enum class MemoryFormat : int8_t { Contiguous, Preserve, ChannelsLast, ChannelsLast3d };
class TensorImpl;
}  // namespace c10

namespace at {
class TensorBase {
 public:
  c10::TensorImpl* impl;
  // checks the dtype and that the storage exists; the element at the storage offset
  template <typename T>
  T* data_ptr() const;
};
class Tensor : public TensorBase {};
}  // namespace at

namespace c10 {
class TensorImpl {
 public:
  // the tensor's gradient; an undefined tensor (UndefinedTensorImpl) when it has none
  const at::Tensor& grad() const;
  // TensorImpl's own answer, from its sizes and strides (what is_contiguous() gives for dense tensors)
  bool is_contiguous_custom(MemoryFormat memory_format) const;
};
class UndefinedTensorImpl {
 public:
  static UndefinedTensorImpl _singleton;
};
}  // namespace c10

namespace at {
namespace _ops {
// sqrt(self) written into out, through the dispatcher (the kernel Tensor::sqrt() runs)
struct sqrt_out {
  static at::Tensor& call(const at::Tensor& self, at::Tensor& out);
};
// max(self, 0) written into self, through the dispatcher (autograd records it)
struct relu_ {
  static at::Tensor& call(at::Tensor& self);
};
}  // namespace _ops
}  // namespace at

namespace torch {
namespace autograd {
// libtorch 2.7.1's signature (torch/csrc/autograd/autograd.h)
std::vector<at::Tensor> grad(const std::vector<at::Tensor>& outputs, const std::vector<at::Tensor>& inputs,
                             const std::vector<at::Tensor>& grad_outputs, std::optional<bool> retain_graph,
                             bool create_graph, bool allow_unused);
}  // namespace autograd
}  // namespace torch

/** The tensor behind a DJL handle. */
inline const at::Tensor& corrigo_tensor(int64_t handle) {
  return *reinterpret_cast<const at::Tensor*>(static_cast<intptr_t>(handle));
}

#endif
