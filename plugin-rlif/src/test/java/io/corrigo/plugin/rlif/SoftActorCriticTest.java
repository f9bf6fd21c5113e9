package io.corrigo.plugin.rlif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.corrigo.djl.NoGradient;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

@Epic("Learners")
@Feature("rlif")
class SoftActorCriticTest {

    private static final int MEMBERS = 3;

    @Test
    void theTargetSubsetHoldsDistinctCriticsAndCoversTheEnsemble() {
        SplittableRandom random = new SplittableRandom(1);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            int[] s = SoftActorCritic.subset(random, 5, 2);
            assertThat(s).hasSize(2).doesNotHaveDuplicates();
            assertThat(s[0]).isBetween(0, 4);
            assertThat(s[1]).isBetween(0, 4);
            seen.add(s[0]);
            seen.add(s[1]);
        }
        assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        assertThat(SoftActorCritic.subset(random, 2, 2)).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void theTemperatureMovesTowardTheEntropyTarget() {
        RlifConfig config = RlifConfig.DEFAULTS;
        try (NDManager m = NDManager.newBaseManager("PyTorch");
             SoftActorCritic sac = new SoftActorCritic(m, config, 3, 2, new SplittableRandom(1))) {
            assertThat(sac.targetEntropy()).isEqualTo(-1.0);
            double before = sac.temperature();
            for (int i = 0; i < 50; i++) {
                sac.temperatureStep(-3.0);   // less random than wanted: raise the temperature
            }
            double raised = sac.temperature();
            assertThat(raised).isGreaterThan(before);
            for (int i = 0; i < 200; i++) {
                sac.temperatureStep(2.0);    // more random than wanted: lower it
            }
            assertThat(sac.temperature()).isLessThan(raised);
        }
    }

    @Test
    void theTanhGaussianLogDensityMatchesTheNumericalDensityOfTheSquashedSample() {
        double mean = 0.3;
        double logStd = -0.7;
        double std = Math.exp(logStd);
        for (double noise : new double[] {-2.1, -0.4, 0.0, 0.8, 1.7}) {
            double a = Math.tanh(mean + std * noise);
            double h = 1e-4;
            // P(a - h < tanh(u) < a + h) by Simpson's rule over u, divided by the width
            double lo = atanh(a - h);
            double hi = atanh(a + h);
            int n = 200;
            double sum = 0;
            for (int i = 0; i <= n; i++) {
                double u = lo + (hi - lo) * i / n;
                double w = i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2);
                sum += w * Math.exp(-0.5 * Math.pow((u - mean) / std, 2)) / (std * Math.sqrt(2 * Math.PI));
            }
            double density = sum * (hi - lo) / (3 * n) / (2 * h);
            assertThat(TanhGaussianActor.logProbability(mean, logStd, noise)).as("noise %s", noise)
                    .isCloseTo(Math.log(density), within(1e-5));
        }
    }

    @Test
    void theActorsLogDensityAgreesWithTheFormulaPerDimension() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            TanhGaussianActor actor = new TanhGaussianActor(m, 3, 2, List.of(8), new SplittableRandom(2));
            try (NoGradient ignored = NoGradient.enter()) {
                NDArray obs = m.create(new float[] {0.1f, -0.5f, 0.9f, 0.3f, 0.2f, -0.7f}, new Shape(2, 3));
                NDArray noise = m.create(new float[] {0.5f, -1.2f, 2.0f, 0.1f}, new Shape(2, 2));
                float[] mean = actor.heads(obs).get(0).toFloatArray();
                float[] logStd = actor.heads(obs).get(1).toFloatArray();
                float[] logp = actor.sample(obs, noise).logProbability().toFloatArray();
                float[] e = noise.toFloatArray();
                for (int b = 0; b < 2; b++) {
                    double expected = 0;
                    for (int i = 0; i < 2; i++) {
                        expected += TanhGaussianActor.logProbability(mean[b * 2 + i], logStd[b * 2 + i], e[b * 2 + i]);
                    }
                    assertThat((double) logp[b]).isCloseTo(expected, within(1e-4));
                }
            }
        }
    }

    @Test
    void polyakAveragingMovesTheTargetByTauTowardTheOnlineCritic() {
        try (NDManager m = NDManager.newBaseManager("PyTorch");
             CriticEnsemble online = new CriticEnsemble(m, 2, 3, List.of(4), new SplittableRandom(3));
             CriticEnsemble target = new CriticEnsemble(m, 2, 3, List.of(4), new SplittableRandom(4))) {
            Map<String, NDArray> o = online.parameters();
            float[] before = target.parameters().get("l0.weight").toFloatArray();
            float[] towards = o.get("l0.weight").toFloatArray();
            target.polyak(online, 0.005f);
            float[] after = target.parameters().get("l0.weight").toFloatArray();
            for (int i = 0; i < after.length; i++) {
                assertThat((double) after[i]).isCloseTo(0.995 * before[i] + 0.005 * towards[i], within(1e-6));
            }
            target.copyFrom(online);
            assertThat(target.parameters().get("l1.bias").toFloatArray()).containsExactly(o.get("l1.bias").toFloatArray());
        }
    }

    @Test
    void theEnsembleIsOneBatchedForwardGivingEachMembersQ() {
        try (NDManager m = NDManager.newBaseManager("PyTorch");
             CriticEnsemble critics = new CriticEnsemble(m, 3, 4, List.of(8, 8), new SplittableRandom(5))) {
            NDArray q = critics.forward(m.randomNormal(new Shape(6, 4)), critics.parameters());
            assertThat(q.getShape()).isEqualTo(new Shape(3, 6));
            float[] v = q.toFloatArray();
            assertThat(v[0]).as("members differ").isNotEqualTo(v[6]);
        }
    }

    @Test
    void theEnsembleReleasesItsIntermediatesYetBackPropagatesToEveryMember() {
        try (NDManager m = NDManager.newBaseManager("PyTorch");
             CriticEnsemble critics = new CriticEnsemble(m, 2, 4, List.of(8, 8), new SplittableRandom(6));
             NDManager scope = m.newSubManager()) {
            NDArray inputs = scope.randomNormal(new Shape(5, 4));
            int before = scope.getManagedArrays().size();
            try (io.corrigo.djl.GradientTape tape = io.corrigo.djl.GradientTape.record()) {
                NDArray q = critics.forward(inputs, critics.parameters());
                assertThat(scope.getManagedArrays()).as("the inputs and the result only").hasSize(before + 1);
                tape.backward(q.sum());
            }
            // dΣQ/d(output bias) is the batch size for every member
            assertThat(critics.parameters().get("l2.bias").getGradient().toFloatArray()).containsExactly(5f, 5f);
            assertThat(critics.parameters().get("l0.weight").getGradient().abs().sum().getFloat()).isPositive();
        }
    }

    @Test
    void eachMembersQAndTheInputGradientAreWhatThatMembersOwnNetworkGives() {
        int batch = 5;
        int inputs = 4;
        try (NDManager m = NDManager.newBaseManager("PyTorch");
             CriticEnsemble critics = new CriticEnsemble(m, MEMBERS, inputs, List.of(8, 6), new SplittableRandom(7))) {
            SplittableRandom random = new SplittableRandom(8);
            critics.parameters().forEach((name, w) -> {
                if (name.endsWith(".gain") || name.endsWith(".shift")) {   // not the unit gain and zero shift they start at
                    float[] v = w.toFloatArray();
                    for (int i = 0; i < v.length; i++) {
                        v[i] = (float) (name.endsWith(".gain") ? 0.5 + random.nextDouble() : random.nextDouble() - 0.5);
                    }
                    io.corrigo.djl.InPlace.copy(v, w);
                }
            });
            float[] rows = new float[batch * inputs];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = (float) random.nextGaussian();
            }
            NDArray x = m.create(rows, new Shape(batch, inputs));
            x.setRequiresGradient(true);
            float[] q;
            try (io.corrigo.djl.GradientTape tape = io.corrigo.djl.GradientTape.record()) {
                NDArray out = critics.forward(x, critics.parameters());
                q = out.toFloatArray();
                tape.backward(out.sum());
            }
            float[] gradient = x.getGradient().toFloatArray();
            Map<String, float[]> p = new java.util.HashMap<>();
            critics.parameters().forEach((name, w) -> p.put(name, w.toFloatArray()));
            for (int b = 0; b < batch; b++) {
                double[] row = new double[inputs];
                for (int i = 0; i < inputs; i++) {
                    row[i] = rows[b * inputs + i];
                }
                for (int k = 0; k < MEMBERS; k++) {
                    double expected = memberQ(p, k, row);
                    assertThat((double) q[k * batch + b]).as("member %d, row %d", k, b).isCloseTo(expected, within(1e-4));
                }
                // the inputs are shared by every member: their gradient is the sum over members
                for (int i = 0; i < inputs; i++) {
                    double h = 1e-3;
                    double[] up = row.clone();
                    double[] down = row.clone();
                    up[i] += h;
                    down[i] -= h;
                    double numerical = 0;
                    for (int k = 0; k < MEMBERS; k++) {
                        numerical += (memberQ(p, k, up) - memberQ(p, k, down)) / (2 * h);
                    }
                    assertThat((double) gradient[b * inputs + i]).as("dΣQ/dx[%d][%d]", b, i).isCloseTo(numerical, within(1e-3));
                }
            }
        }
    }

    @Test
    void theInPlaceForwardGivesTheOutOfPlaceForwardsNumbersBitForBit() {
        try (NDManager m = NDManager.newBaseManager("PyTorch");
             CriticEnsemble critics = new CriticEnsemble(m, 2, 4, List.of(16, 8), new SplittableRandom(9));
             CriticEnsemble twins = new CriticEnsemble(m, 2, 4, List.of(16, 8), new SplittableRandom(9))) {
            NDArray rows = m.randomNormal(new Shape(7, 4));
            // recorded, online parameters: the critic's update
            Map<String, float[]> inPlace = recorded(rows, critics, critics.parameters(), false);
            Map<String, float[]> reference = recorded(rows, twins, twins.parameters(), true);
            assertThat(inPlace.keySet()).containsExactlyInAnyOrderElementsOf(reference.keySet()).contains("l0.gain", "input");
            reference.forEach((name, expected) -> assertThat(bits(inPlace.get(name))).as(name).containsExactly(bits(expected)));
            // recorded, detached parameters (the gains scale in place): the actor's update
            try (NDManager scope = m.newSubManager()) {
                Map<String, float[]> detached = recorded(rows, critics, critics.detached(scope), false);
                Map<String, float[]> expected = recorded(rows, twins, twins.detached(scope), true);
                assertThat(detached.keySet()).containsExactlyInAnyOrder("q", "input");
                expected.forEach((name, e) -> assertThat(bits(detached.get(name))).as(name).containsExactly(bits(e)));
            }
            // not recorded: the targets
            try (NoGradient ignored = NoGradient.enter()) {
                assertThat(bits(critics.forward(rows, critics.parameters()).toFloatArray()))
                        .containsExactly(bits(outOfPlace(rows, twins.parameters(), 2).toFloatArray()));
            }
        }
    }

    /** Q, the inputs' gradient and every parameter gradient of one recorded forward and backward pass. */
    private static Map<String, float[]> recorded(NDArray rows, CriticEnsemble critics, Map<String, NDArray> p, boolean reference) {
        NDArray x = rows.duplicate();
        x.setRequiresGradient(true);
        Map<String, float[]> out = new java.util.LinkedHashMap<>();
        try (io.corrigo.djl.GradientTape tape = io.corrigo.djl.GradientTape.record()) {
            NDArray q = reference ? outOfPlace(x, p, critics.members()) : critics.forward(x, p);
            out.put("q", q.toFloatArray());
            tape.backward(q.square().sum());
        }
        out.put("input", x.getGradient().toFloatArray());
        p.forEach((name, w) -> {
            if (w.hasGradient()) {
                out.put(name, w.getGradient().toFloatArray());
            }
        });
        return out;
    }

    /** The ensemble's forward as it was written before it worked in place: a new array per operation. */
    private static NDArray outOfPlace(NDArray inputs, Map<String, NDArray> p, int members) {
        NDManager m = inputs.getManager();
        NDArray h = inputs.expandDims(0).broadcast(new Shape(members, inputs.getShape().get(0), inputs.getShape().get(1)));
        int l = 0;
        for (; p.containsKey("l" + l + ".gain"); l++) {
            h = h.batchMatMul(p.get("l" + l + ".weight")).add(p.get("l" + l + ".bias"));
            int width = (int) h.getShape().get(2);
            h = ai.djl.nn.norm.LayerNorm.layerNorm(h, new Shape(width), m.ones(new Shape(width)), m.zeros(new Shape(width)),
                    1e-5f).singletonOrThrow();
            h = ai.djl.nn.Activation.relu(h.mul(p.get("l" + l + ".gain")).add(p.get("l" + l + ".shift")));
        }
        return h.batchMatMul(p.get("l" + l + ".weight")).add(p.get("l" + l + ".bias")).squeeze(2);
    }

    private static int[] bits(float[] values) {
        int[] b = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = Float.floatToRawIntBits(values[i]);
        }
        return b;
    }

    /** Member {@code k}'s Q for one input row, in double precision from its own slice of the stacked parameters. */
    private static double memberQ(Map<String, float[]> p, int k, double[] input) {
        double[] h = input;
        for (int l = 0; p.containsKey("l" + l + ".weight"); l++) {
            float[] w = p.get("l" + l + ".weight");
            float[] bias = p.get("l" + l + ".bias");
            int out = bias.length / MEMBERS;
            int in = h.length;
            double[] next = new double[out];
            for (int j = 0; j < out; j++) {
                double z = bias[k * out + j];
                for (int i = 0; i < in; i++) {
                    z += h[i] * w[(k * in + i) * out + j];
                }
                next[j] = z;
            }
            if (p.containsKey("l" + l + ".gain")) {
                double mean = java.util.Arrays.stream(next).average().orElseThrow();
                double variance = java.util.Arrays.stream(next).map(z -> (z - mean) * (z - mean)).average().orElseThrow();
                for (int j = 0; j < out; j++) {
                    double normed = (next[j] - mean) / Math.sqrt(variance + 1e-5);
                    next[j] = Math.max(0, normed * p.get("l" + l + ".gain")[k * out + j] + p.get("l" + l + ".shift")[k * out + j]);
                }
            }
            h = next;
        }
        return h[0];
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }
}
