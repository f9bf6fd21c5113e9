package io.corrigo.bench;

import io.corrigo.api.Action;
import io.corrigo.api.Observation;
import io.corrigo.api.env.Environment;
import io.corrigo.api.env.EnvironmentProvider;
import io.corrigo.api.env.StepResult;
import io.corrigo.plugin.classic.PendulumProvider;
import io.corrigo.plugin.pusht.PushTProvider;
import io.corrigo.plugin.toys.TwoRouteProvider;
import io.corrigo.testkit.TestRunContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Row (6): one environment step driven by the environment's scripted expert (the teacher's action
 * plus the step, resetting at the end of an episode), with default settings. Corrigo's own: there is
 * no Python counterpart of these simulators in the suite.
 */
@State(Scope.Thread)
public class EnvironmentBench {

    @Param({"two-route", "pendulum", "push-t"})
    public String env;

    private Environment environment;
    private Observation observation;
    private Action zeros;
    private long episode;

    @Setup(Level.Trial)
    public void setUp() {
        environment = switch (env) {
            case "two-route" -> create(new TwoRouteProvider());
            case "pendulum" -> create(new PendulumProvider());
            case "push-t" -> create(new PushTProvider());
            default -> throw new IllegalArgumentException("unknown environment " + env);
        };
        zeros = Action.zeros(environment.actionSpace().dimension());
        observation = environment.reset(episode++);
    }

    private static <C extends Record> Environment create(EnvironmentProvider<C> provider) {
        return provider.create(provider.defaultConfig(), TestRunContext.withSeed(1));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        environment.close();
    }

    @Benchmark
    public Observation step() {
        StepResult r = environment.step(environment.expert().act(observation, zeros));
        observation = r.done() ? environment.reset(episode++) : r.observation();
        return observation;
    }
}
