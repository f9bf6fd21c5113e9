package io.corrigo.bench;

import ai.djl.ndarray.NDManager;
import io.corrigo.api.run.ComputeDevice;
import io.corrigo.core.internal.djl.DjlRuntime;
import io.corrigo.djl.AdamOptimizer;
import io.corrigo.djl.Devices;
import io.corrigo.djl.ebm.CandidateSet;
import io.corrigo.djl.ebm.ContrastiveTrainer;
import io.corrigo.djl.ebm.DerivativeFreeOptimizer;
import io.corrigo.djl.ebm.EnergyNetwork;
import io.corrigo.djl.ebm.EnergySampler;
import io.corrigo.djl.ebm.Langevin;
import java.util.Arrays;
import java.util.Collections;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Rows (3) and (4): an energy network {@code Q(s, a)} (10-dimensional state, 2-dimensional action,
 * hidden layers Linear → ReLU → LayerNorm) acting by IBC's derivative-free optimiser and by CLIC's
 * Langevin sampler, and one contrastive update (InfoNCE with the action-gradient penalty), exactly
 * as {@code ibc}, {@code clic-*} run them. Network shapes are {@code layers x width}.
 */
public class EnergyBench {

    private static final int OBSERVATION = 10;
    private static final int ACTION = 2;

    /** Acting by DFO: 3 rounds over {@code samples} candidates. */
    @State(Scope.Thread)
    public static class Dfo {
        @Param({"3x256-1024", "3x128-1024", "3x128-256"})
        public String net;
        Fixture fixture;
        EnergySampler sampler;

        @Setup(Level.Trial)
        public void setUp() {
            fixture = new Fixture(net.substring(0, net.indexOf('-')));
            int samples = Integer.parseInt(net.substring(net.indexOf('-') + 1));
            sampler = EnergySampler.dfo(fixture.manager, OBSERVATION, ACTION, samples,
                    DerivativeFreeOptimizer.of(3, 0.1), 0.1);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            fixture.close();
        }
    }

    /** Acting by Langevin: 512 chains, 2 passes of 25 steps. */
    @State(Scope.Thread)
    public static class Mcmc {
        @Param({"3x128"})
        public String shape;
        Fixture fixture;
        EnergySampler sampler;

        @Setup(Level.Trial)
        public void setUp() {
            fixture = new Fixture(shape);
            sampler = EnergySampler.langevin(fixture.manager, OBSERVATION, ACTION, 512, Langevin.of(25), 2, 0.1);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            fixture.close();
        }
    }

    /** One update: 32 states × 64 candidates, the label in slot 0, global-norm clipping 1. */
    @State(Scope.Thread)
    public static class Update {
        @Param({"penalty", "plain"})
        public String loss;
        Fixture fixture;
        AdamOptimizer adam;
        ContrastiveTrainer trainer;
        CandidateSet batch;
        final ContrastiveTrainer.Target target = new ContrastiveTrainer.Target() {
            @Override
            public void placeKnownActions(CandidateSet candidates) {
                float[] label = {0.25f, -0.5f};
                for (int b = 0; b < candidates.states(); b++) {
                    candidates.setAction(0, b, label, 0);
                }
            }

            @Override
            public void fill(CandidateSet candidates, float[] q, float[] t) {
                Arrays.fill(t, 0, candidates.rows(), 0f);
                for (int b = 0; b < candidates.states(); b++) {
                    t[b * candidates.candidates()] = 1f;
                }
            }
        };

        @Setup(Level.Trial)
        public void setUp() {
            fixture = new Fixture("3x128");
            adam = AdamOptimizer.builder().setLearningRate(3e-4f)
                    .optClipping(AdamOptimizer.Clipping.GLOBAL_NORM, 1f).build(fixture.manager, fixture.network.parameters());
            trainer = new ContrastiveTrainer(fixture.manager, fixture.network, adam, Langevin.of(0), 1,
                    "penalty".equals(loss) ? 1 : 0, 1);
            batch = new CandidateSet(fixture.manager, OBSERVATION, ACTION, 32, 64);
            SplittableRandom random = new SplittableRandom(3);
            for (int b = 0; b < 32; b++) {
                batch.setObservation(b, Data.uniform(random, OBSERVATION), 0);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            trainer.close();
            adam.close();
            fixture.close();
        }
    }

    @Benchmark
    public float[] actDfo(Dfo state) {
        return state.fixture.act(state.sampler);
    }

    @Benchmark
    public float[] actLangevin(Mcmc state) {
        return state.fixture.act(state.sampler);
    }

    @Benchmark
    public ContrastiveTrainer.Step update(Update state) {
        return state.trainer.update(state.batch, state.target, state.fixture.random);
    }

    /** A network of the given shape, an observation and a seeded random stream. */
    static final class Fixture implements AutoCloseable {
        final NDManager manager;
        final EnergyNetwork network;
        final SplittableRandom random = new SplittableRandom(2);
        final float[] observation;
        final float[] action = new float[ACTION];

        Fixture(String shape) {
            DjlRuntime.configure();
            int layers = Integer.parseInt(shape.substring(0, shape.indexOf('x')));
            int width = Integer.parseInt(shape.substring(shape.indexOf('x') + 1));
            manager = Devices.newManager(ComputeDevice.CPU);
            network = EnergyNetwork.builder().setObservationSize(OBSERVATION).setActionSize(ACTION)
                    .setHiddenSizes(Collections.nCopies(layers, width)).build(manager, new SplittableRandom(1));
            observation = Data.uniform(random, OBSERVATION);
        }

        float[] act(EnergySampler sampler) {
            sampler.act(network, observation, action, random);
            return action;
        }

        @Override
        public void close() {
            network.close();
            manager.close();
        }
    }
}
