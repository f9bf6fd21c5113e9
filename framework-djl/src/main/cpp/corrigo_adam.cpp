// Adam over many parameters in one JNI call, computing exactly what DJL 0.35.1's adamUpdate
// followed by zeroGrad computes: the same single-precision operations in the same order, each
// rounded where libtorch rounds it. libtorch 2.7.1 evaluates add-with-alpha (m.add_(g, 1−β1)) and
// addcmul (v + (1−β2)·g·g) with fused multiply-adds, in its vector loops and their scalar tails
// alike, so those two steps use fmaf. DJL's form runs about a dozen libtorch operations per
// parameter, each a pass over memory with its own dispatch, and allocates five temporaries; this
// makes three passes and calls libtorch once (for the square root). io.corrigo.djl.NativeAdam uses
// it only after a check finds it bit for bit equal to DJL's update on this machine.
#include <jni.h>

#include <cmath>
#include <cstdint>
#include <exception>
#include <stdexcept>
#include <string>
#include <vector>

#include "corrigo_jni.h"
#include "torch_abi.h"
#include "vector_clones.h"

namespace {

struct Hyper {
  float learning_rate;
  float corrected_rate;  // learning rate · √(1−β2^t)/(1−β1^t)
  float weight_decay;
  float beta1;
  float beta2;
  float epsilon;
  bool decoupled;  // AdamW: w ← w − (w·lr)·λ first; else g ← g + λ·w
};

struct Slot {
  const at::Tensor* variance_tensor;
  at::Tensor* root_tensor;
  float* root;
  float* weight;
  float* grad;  // null when the parameter has no gradient yet: DJL then updates with zeros
  float* mean;
  float* variance;
  int64_t size;
};

// DJL's adamUpdate in three passes instead of about a dozen: grad cloned, weight decay,
// m.mul_(β1).add_(g, 1−β1), v.mul_(β2).addcmul_(g, g, 1−β2) and grad.zero_() here; then v.sqrt()
// through libtorch itself (its float sqrt is not always the correctly rounded one: one element in
// six differs by an ulp on the build machine); then w.sub_(m.mul(lr′).div(√v.add(ε))) in finish().
template <bool HasGrad>
CORRIGO_VECTOR_CLONES
void moments(float* __restrict w, float* __restrict g, float* __restrict m, float* __restrict v, int64_t n,
             Hyper h) {
  const float keep1 = h.beta1;
  const float keep2 = h.beta2;
  const float take1 = 1 - h.beta1;
  const float take2 = 1 - h.beta2;
  for (int64_t i = 0; i < n; i++) {
    float gi = HasGrad ? g[i] : 0.0f;
    float wi = w[i];
    if (h.decoupled) {
      w[i] = wi - (wi * h.learning_rate) * h.weight_decay;
    } else {
      gi = std::fmaf(wi, h.weight_decay, gi);
    }
    m[i] = std::fmaf(gi, take1, m[i] * keep1);
    v[i] = std::fmaf(take2 * gi, gi, v[i] * keep2);
    if (HasGrad) {
      g[i] = 0.0f;
    }
  }
}

CORRIGO_VECTOR_CLONES
void finish(float* __restrict w, const float* __restrict m, const float* __restrict root, int64_t n, Hyper h) {
  for (int64_t i = 0; i < n; i++) {
    w[i] = w[i] - (m[i] * h.corrected_rate) / (root[i] + h.epsilon);
  }
}

float* dense_floats(const at::Tensor& t, const char* what, size_t index) {
  if (!t.impl->is_contiguous_custom(c10::MemoryFormat::Contiguous)) {
    throw std::runtime_error(std::string("the ") + what + " of parameter " + std::to_string(index)
                             + " is not contiguous");
  }
  return t.data_ptr<float>();
}

}  // namespace

// Checks every parameter first (float32, contiguous, storage present) and, if one fails, changes
// nothing and returns why; else updates them all and returns null.
extern "C" JNIEXPORT jstring JNICALL Java_io_corrigo_djl_NativeAdam_step(
    JNIEnv* env, jclass, jlongArray weights, jlongArray means, jlongArray variances, jlongArray roots, jlongArray sizes,
    jfloat learning_rate, jfloat corrected_rate, jfloat weight_decay, jfloat beta1, jfloat beta2, jfloat epsilon,
    jboolean decoupled) {
  std::vector<Slot> slots;
  try {
    std::vector<jlong> w = corrigo_longs(env, weights);
    std::vector<jlong> m = corrigo_longs(env, means);
    std::vector<jlong> v = corrigo_longs(env, variances);
    std::vector<jlong> r = corrigo_longs(env, roots);
    std::vector<jlong> n = corrigo_longs(env, sizes);
    if (m.size() != w.size() || v.size() != w.size() || r.size() != w.size() || n.size() != w.size()) {
      throw std::runtime_error("weights, means, variances, roots and sizes differ in number");
    }
    slots.reserve(w.size());
    for (size_t i = 0; i < w.size(); i++) {
      const at::Tensor& weight = corrigo_tensor(w[i]);
      const at::Tensor& grad = weight.impl->grad();
      bool has_grad = grad.impl != reinterpret_cast<c10::TensorImpl*>(&c10::UndefinedTensorImpl::_singleton);
      const at::Tensor& variance = corrigo_tensor(v[i]);
      at::Tensor& root = const_cast<at::Tensor&>(corrigo_tensor(r[i]));
      slots.push_back(Slot{&variance, &root, dense_floats(root, "square-root scratch", i),
                           dense_floats(weight, "weight", i), has_grad ? dense_floats(grad, "gradient", i) : nullptr,
                           dense_floats(corrigo_tensor(m[i]), "first moment", i),
                           dense_floats(variance, "second moment", i), n[i]});
    }
  } catch (const std::exception& e) {
    return env->NewStringUTF(e.what());
  } catch (...) {
    return env->NewStringUTF("the arrays could not be read");
  }
  Hyper h{learning_rate, corrected_rate, weight_decay, beta1, beta2, epsilon, decoupled == JNI_TRUE};
  try {
    for (const Slot& s : slots) {
      if (s.grad != nullptr) {
        moments<true>(s.weight, s.grad, s.mean, s.variance, s.size, h);
      } else {
        moments<false>(s.weight, nullptr, s.mean, s.variance, s.size, h);
      }
      at::_ops::sqrt_out::call(*s.variance_tensor, *s.root_tensor);
      finish(s.weight, s.mean, s.root, s.size, h);
    }
  } catch (const std::exception& e) {
    corrigo_raise(env, e.what());
  } catch (...) {
    corrigo_raise(env, "libtorch's sqrt failed in the Adam step");
  }
  return nullptr;
}
