// JNI helpers shared by corrigo's native sources.
#ifndef CORRIGO_JNI_H
#define CORRIGO_JNI_H

#include <jni.h>

#include <vector>

/** Throws IllegalStateException(message) in Java once the native method returns. */
inline void corrigo_raise(JNIEnv* env, const char* message) {
  jclass type = env->FindClass("java/lang/IllegalStateException");
  if (type != nullptr) {
    env->ThrowNew(type, message);
  }
}

/** The elements of a Java long[]. */
inline std::vector<jlong> corrigo_longs(JNIEnv* env, jlongArray array) {
  std::vector<jlong> values(env->GetArrayLength(array));
  env->GetLongArrayRegion(array, 0, static_cast<jsize>(values.size()), values.data());
  return values;
}

#endif
