package io.corrigo.plugin.diffusion;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;

/** Test helper: {@link DiffusionConfig#DEFAULTS} with some components replaced, by name. */
final class Configs {

    private Configs() {
    }

    static DiffusionConfig with(Map<String, Object> overrides) {
        RecordComponent[] components = DiffusionConfig.class.getRecordComponents();
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                String name = components[i].getName();
                values[i] = overrides.containsKey(name) ? overrides.get(name) : components[i].getAccessor().invoke(DiffusionConfig.DEFAULTS);
            }
            Constructor<DiffusionConfig> c = DiffusionConfig.class.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return c.newInstance(values);
        } catch (ReflectiveOperationException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e);
        }
    }

    /** A configuration small enough for unit tests. */
    static DiffusionConfig small() {
        return with(Map.of("mlpWidth", 32, "mlpBlocks", 2, "stepEmbedding", 16, "batchSize", 16, "minBufferSize", 4,
                "endOfEpisodeUpdates", 5, "observationHorizon", 1, "predictionHorizon", 2, "executionHorizon", 1,
                "warmupUpdates", 2));
    }
}
