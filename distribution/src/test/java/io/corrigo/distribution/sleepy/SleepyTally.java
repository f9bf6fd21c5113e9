package io.corrigo.distribution.sleepy;

/**
 * A class the sleepy learner first needs at the end of its first episode: loaded late, so that a
 * jar replaced during that episode tests whether the running trial can still load its classes.
 */
record SleepyTally(int steps) {
}
