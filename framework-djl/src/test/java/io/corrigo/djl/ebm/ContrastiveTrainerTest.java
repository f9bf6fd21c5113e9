package io.corrigo.djl.ebm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import io.corrigo.api.run.ComputeDevice;
import io.corrigo.djl.AdamOptimizer;
import io.corrigo.djl.Devices;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

@Epic("DJL toolkit")
@Feature("Energy-based policies")
class ContrastiveTrainerTest {

    private static final float[] LABEL = {0.5f, -0.3f};

    /** IBC's InfoNCE on one label: slot 0 is the label and the target is one-hot on it. */
    private static final ContrastiveTrainer.Target ONE_HOT = new ContrastiveTrainer.Target() {
        @Override
        public void placeKnownActions(CandidateSet candidates) {
            for (int b = 0; b < candidates.states(); b++) {
                candidates.setAction(0, b, LABEL, 0);
            }
        }

        @Override
        public void fill(CandidateSet candidates, float[] q, float[] target) {
            int n = candidates.candidates();
            Arrays.fill(target, 0, candidates.states() * n, 0f);
            for (int b = 0; b < candidates.states(); b++) {
                target[b * n] = 1f;
            }
        }
    };

    @Test
    void infoNceMovesTheModeOfThePolicyToTheLabel() {
        try (NDManager manager = Devices.newManager(ComputeDevice.CPU)) {
            EnergyNetwork net = network(manager);
            AdamOptimizer adam = AdamOptimizer.builder().setLearningRate(1e-3f)
                    .optClipping(AdamOptimizer.Clipping.GLOBAL_NORM, 1f).build(manager, net.parameters());
            SplittableRandom random = new SplittableRandom(2);
            CandidateSet batch = new CandidateSet(manager, 1, 2, 8, 64);
            for (int b = 0; b < 8; b++) {
                batch.setObservation(b, new float[] {0.5f}, 0);
            }
            ContrastiveTrainer.Step first = null;
            double late = 0;
            try (ContrastiveTrainer trainer = new ContrastiveTrainer(manager, net, adam, Langevin.of(0), 1.0, 1.0, 1.0)) {
                for (int i = 0; i < 300; i++) {
                    ContrastiveTrainer.Step step = trainer.update(batch, ONE_HOT, random);
                    first = first == null ? step : first;
                    late += i >= 280 ? step.divergence() / 20 : 0;
                }
            }
            assertThat(first.divergence()).as("uniform start: log N").isCloseTo(Math.log(64), within(1e-3));
            // with ‖∇ₐQ‖∞ held near 1 and τ = 1, Q spans only a few units over the box: the KL cannot reach 0
            assertThat(late).isLessThan(first.divergence() - 1.5);
            float[] action = new float[2];
            EnergySampler.dfo(manager, 1, 2, 256, DerivativeFreeOptimizer.of(3, 1.0), 0)
                    .act(net, new float[] {0.5f}, action, random);
            assertThat(Math.hypot(action[0] - LABEL[0], action[1] - LABEL[1])).isLessThan(0.15);
        }
    }

    @Test
    void theGradientPenaltyKeepsTheActionGradientNearTheMargin() {
        try (NDManager manager = Devices.newManager(ComputeDevice.CPU)) {
            double[] largest = new double[2];
            for (int penalised = 0; penalised < 2; penalised++) {
                EnergyNetwork net = network(manager);
                AdamOptimizer adam = AdamOptimizer.builder().setLearningRate(3e-3f).build(manager, net.parameters());
                SplittableRandom random = new SplittableRandom(3);
                CandidateSet batch = new CandidateSet(manager, 1, 2, 8, 64);
                try (ContrastiveTrainer trainer = new ContrastiveTrainer(manager, net, adam, Langevin.of(0), 1.0,
                        penalised == 1 ? 10.0 : 0.0, 1.0)) {
                    for (int i = 0; i < 300; i++) {
                        trainer.update(batch, ONE_HOT, random);
                    }
                }
                batch.fillUniform(random);
                for (float g : batch.actionGradients(net)) {
                    largest[penalised] = Math.max(largest[penalised], Math.abs(g));
                }
            }
            assertThat(largest[0]).as("unpenalised ‖∇ₐQ‖∞").isGreaterThan(5);
            assertThat(largest[1]).as("penalised ‖∇ₐQ‖∞").isLessThan(largest[0] / 2);
        }
    }

    @Test
    void theDivergenceIsZeroWhenTheTargetIsTheModelsOwnDistribution() {
        try (NDManager manager = Devices.newManager(ComputeDevice.CPU)) {
            EnergyNetwork net = network(manager);
            AdamOptimizer adam = AdamOptimizer.builder().setLearningRate(1e-3f).build(manager, net.parameters());
            SplittableRandom random = new SplittableRandom(4);
            CandidateSet batch = new CandidateSet(manager, 1, 2, 4, 32);
            try (ContrastiveTrainer trainer = new ContrastiveTrainer(manager, net, adam, Langevin.of(0), 2.0, 0, 1.0)) {
                for (int i = 0; i < 30; i++) {
                    trainer.update(batch, ONE_HOT, random);
                }
                ContrastiveTrainer.Target itself = new ContrastiveTrainer.Target() {
                    @Override
                    public void placeKnownActions(CandidateSet candidates) {
                    }

                    @Override
                    public void fill(CandidateSet candidates, float[] q, float[] target) {
                        double[] p = new double[candidates.candidates()];
                        for (int b = 0; b < candidates.states(); b++) {
                            Softmax.probabilities(q, b, candidates.states(), candidates.candidates(), 2.0, p);
                            for (int j = 0; j < p.length; j++) {
                                target[b * p.length + j] = (float) p[j];
                            }
                        }
                    }
                };
                ContrastiveTrainer.Step step = trainer.update(batch, itself, random);
                assertThat(step.divergence()).isCloseTo(0, within(1e-4));
            }
        }
    }

    private static EnergyNetwork network(NDManager manager) {
        return EnergyNetwork.builder().setObservationSize(1).setActionSize(2).setHiddenSizes(List.of(64, 64))
                .build(manager, new SplittableRandom(1));
    }
}
