/** Example drop-in: a k-nearest-neighbour imitation learner, built only against framework-api. */
package io.corrigo.example.knn;
