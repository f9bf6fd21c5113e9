package io.corrigo.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.corrigo.api.run.ComputeDevice;
import io.corrigo.core.internal.djl.DjlRuntime;
import io.corrigo.djl.Devices;
import io.corrigo.djl.Mlp;
import io.corrigo.djl.StagedInput;
import java.util.List;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Row (2): one observation in, one action out as a Java array, through {@link MlpBench}'s network. */
@State(Scope.Thread)
public class PredictBench {

    private NDManager manager;
    private Mlp mlp;
    private StagedInput single;
    private float[] observation;

    @Setup(Level.Trial)
    public void setUp() {
        DjlRuntime.configure();
        SplittableRandom random = new SplittableRandom(1);
        manager = Devices.newManager(ComputeDevice.CPU);
        mlp = Mlp.builder().setInputSize(10).setHiddenSizes(List.of(256, 256)).setOutputSize(2)
                .optOutputSquash(Mlp.OutputSquash.TANH).build(manager, random);
        single = new StagedInput(manager, new Shape(1, 10));
        observation = Data.uniform(random, 10);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        mlp.close();
        manager.close();
    }

    @Benchmark
    public float[] predictOne() {
        single.values().put(observation);
        try (NDManager step = manager.newSubManager()) {
            return mlp.predict(single.upload(step)).toFloatArray();
        }
    }
}
