// ReLU in place through libtorch's dispatcher (at::_ops::relu_), which DJL 0.35.1 does not expose:
// the same kernel as relu, written into its input instead of a new array, and recorded by autograd
// like Python's torch.relu_ (its backward pass reads the result, which this leaves in place).
// io.corrigo.djl.InPlaceRelu checks values and gradient against DJL's relu before using it.
#include <jni.h>

#include <exception>

#include "corrigo_jni.h"
#include "torch_abi.h"

extern "C" JNIEXPORT void JNICALL Java_io_corrigo_djl_InPlaceRelu_relu(JNIEnv* env, jclass, jlong handle) {
  try {
    at::_ops::relu_::call(const_cast<at::Tensor&>(corrigo_tensor(handle)));
  } catch (const std::exception& e) {
    corrigo_raise(env, e.what());
  } catch (...) {
    corrigo_raise(env, "relu_ failed");
  }
}
