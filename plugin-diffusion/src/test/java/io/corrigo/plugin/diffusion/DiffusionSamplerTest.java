package io.corrigo.plugin.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

@Epic("Learners")
@Feature("diffusion")
class DiffusionSamplerTest {

    private static final NoiseSchedule SCHEDULE = NoiseSchedule.squaredCosine(100);
    private static final float[] TARGET = {0.3f, -0.7f, 0.9f, 0f};

    /** The exact noise of x_t around a fixed clean sample: x̂0 is always TARGET, inside [−1, 1]. */
    private static final DiffusionSampler.NoisePredictor EXACT = (x, t, epsilon) -> {
        double ab = SCHEDULE.alphaBar(t);
        for (int k = 0; k < x.length; k++) {
            epsilon[k] = (float) ((x[k] - Math.sqrt(ab) * TARGET[k]) / Math.sqrt(1 - ab));
        }
    };

    @Test
    void ddimTimestepsAreLeadingMultiplesOfTheStride() {
        assertThat(new DiffusionSampler(SCHEDULE, DiffusionConfig.Sampler.DDIM, 10, 0).timesteps())
                .containsExactly(90, 80, 70, 60, 50, 40, 30, 20, 10, 0);
        assertThat(new DiffusionSampler(SCHEDULE, DiffusionConfig.Sampler.DDIM, 8, 0).timesteps())
                .containsExactly(84, 72, 60, 48, 36, 24, 12, 0);
        assertThat(new DiffusionSampler(SCHEDULE, DiffusionConfig.Sampler.DDPM, 10, 0).timesteps()).hasSize(100)
                .startsWith(99, 98).endsWith(1, 0);
    }

    @Test
    void ddimOverAllStepsWithEtaOneReproducesDdpmGivenTheSameNoise() {
        DiffusionSampler ddpm = new DiffusionSampler(SCHEDULE, DiffusionConfig.Sampler.DDPM, 100, 0);
        DiffusionSampler ddim = new DiffusionSampler(SCHEDULE, DiffusionConfig.Sampler.DDIM, 100, 1);
        SplittableRandom noise = new SplittableRandom(5);
        float[] a = start(noise);
        float[] b = a.clone();
        float[] epsilonA = new float[4];
        float[] epsilonB = new float[4];
        for (int t = 99; t >= 0; t--) {
            float[] z = t > 0 ? start(noise) : null;
            EXACT.predict(a, t, epsilonA);
            EXACT.predict(b, t, epsilonB);
            ddpm.ddpmStep(t, a, epsilonA, z);
            ddim.ddimStep(t, t - 1, b, epsilonB, z);
            for (int k = 0; k < a.length; k++) {
                assertThat((double) b[k]).as("step %d, component %d", t, k).isCloseTo(a[k], within(1e-4));
            }
        }
    }

    @Test
    void ddimWithEtaZeroIsDeterministicWhateverTheRandomStream() {
        DiffusionSampler ddim = new DiffusionSampler(SCHEDULE, DiffusionConfig.Sampler.DDIM, 10, 0);
        float[] x = start(new SplittableRandom(1));
        float[] y = x.clone();
        DiffusionSampler.NoisePredictor wobbly = (v, t, epsilon) -> {
            for (int k = 0; k < v.length; k++) {
                epsilon[k] = (float) Math.sin(v[k] + t);
            }
        };
        ddim.sample(x, wobbly, new SplittableRandom(2));
        ddim.sample(y, wobbly, new SplittableRandom(3));
        assertThat(y).containsExactly(x);
    }

    @Test
    void anExactDenoiserRecoversTheCleanSample() {
        for (DiffusionSampler sampler : new DiffusionSampler[] {
                new DiffusionSampler(SCHEDULE, DiffusionConfig.Sampler.DDPM, 100, 0),
                new DiffusionSampler(SCHEDULE, DiffusionConfig.Sampler.DDIM, 10, 0)}) {
            float[] x = start(new SplittableRandom(9));
            sampler.sample(x, EXACT, new SplittableRandom(4));
            for (int k = 0; k < x.length; k++) {
                assertThat((double) x[k]).isCloseTo(TARGET[k], within(1e-4));
            }
        }
    }

    @Test
    void thePredictedCleanSampleIsClippedToTheUnitBox() {
        DiffusionSampler ddpm = new DiffusionSampler(SCHEDULE, DiffusionConfig.Sampler.DDPM, 100, 0);
        float[] x = start(new SplittableRandom(2));
        ddpm.sample(x, (v, t, epsilon) -> java.util.Arrays.fill(epsilon, -50f), new SplittableRandom(3));
        for (float v : x) {
            assertThat(v).isBetween(-1f, 1f);
        }
    }

    private static float[] start(SplittableRandom random) {
        float[] x = new float[4];
        for (int k = 0; k < x.length; k++) {
            x[k] = (float) random.nextGaussian();
        }
        return x;
    }
}
