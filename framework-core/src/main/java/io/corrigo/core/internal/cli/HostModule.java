package io.corrigo.core.internal.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Locale;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/**
 * Wires the host's own services. No side effects here; closeable resources (the plugin host, the
 * store) are opened by the commands and passed in, never bound.
 */
final class HostModule extends AbstractModule {

    private final HostPaths paths;

    HostModule(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        bind(HostPaths.class).toInstance(paths);
        bind(Manifests.class);
        bind(ResultsView.class);
        bind(StudyExecution.class);
        bind(PluginListing.class);
    }

    @Provides
    @Singleton
    ObjectMapper json() {
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).addModule(yamlStyleEnums()).build();
    }

    /** Enums as a study file writes them: {@code ELBOW_UP} → {@code elbow-up}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static SimpleModule yamlStyleEnums() {
        SimpleModule m = new SimpleModule("yaml-style-enums");
        m.addSerializer((Class) Enum.class, new StdSerializer<Enum>(Enum.class) {
            @Override
            public void serialize(Enum value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
        });
        return m;
    }
}
