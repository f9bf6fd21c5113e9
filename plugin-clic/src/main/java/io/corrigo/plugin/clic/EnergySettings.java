package io.corrigo.plugin.clic;

import io.corrigo.api.feedback.FeedbackKind;
import io.corrigo.djl.AdamOptimizer;
import io.corrigo.djl.ebm.ComputePreset;
import io.corrigo.djl.ebm.EnergySampler;
import java.util.List;
import java.util.Set;

/**
 * What the energy-based CLIC learners share, read from {@link ClicHalfConfig} or
 * {@link ClicCircularConfig}; see those for the meaning of each field.
 *
 * @param id       the learner id, for messages and manifest notes
 * @param config   the configuration it was read from
 * @param original that configuration's defaults (the repository's settings), for listing deviations
 * @param clipping how gradients are clipped (the repository's TF version: per tensor; torch: globally)
 * @param schedule the learning rate per update
 */
record EnergySettings(String id, Record config, Record original, ComputePreset preset, double learningRate,
                      int batchSize, List<Integer> hiddenSizes, int trainingSamples, int trainingLangevinSteps,
                      double softmaxTemperature, double likelihoodScale, double gradientPenalty, double penaltyMargin,
                      EnergySampler.Method inference, int actSamples, int actLangevinSteps, int actLangevinPasses,
                      int dfoIterations, double actTemperature, int updateEvery, int endOfEpisodeUpdates,
                      int bufferCapacity, int minBufferSize, double gradientClip, AdamOptimizer.Clipping clipping,
                      LearningRateSchedule schedule,
                      Set<FeedbackKind> feedbackKinds) {
}
