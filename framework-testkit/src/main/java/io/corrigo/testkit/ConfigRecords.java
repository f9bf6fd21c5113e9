package io.corrigo.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.corrigo.api.ConfigException;
import io.corrigo.api.PluginProvider;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration-record checks every contract shares. The host binds a study's YAML block to
 * the record through its canonical constructor and reports a {@link ConfigException} with the
 * file, line and column of each field it names; any other exception would reach the user as an
 * internal error. So: the defaults pass the record's own checks, and a value the checks refuse
 * (a numeric field set to NaN, a negative number, or the type's extreme) is refused with a
 * {@code ConfigException} whose violations name fields of the record (the one changed, or another
 * it is checked against) — or accepted.
 */
final class ConfigRecords {

    private ConfigRecords() {
    }

    static <C extends Record> void verify(PluginProvider<C> provider) {
        C defaults = provider.defaultConfig();
        Class<C> type = provider.configType();
        assertThat(type.isInstance(defaults)).as("the default config is a %s", type.getSimpleName()).isTrue();
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            try {
                values[i] = components[i].getAccessor().invoke(defaults);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot read " + components[i].getName() + " of the default config", e);
            }
        }
        Constructor<C> canonical;
        try {
            canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new AssertionError(type.getSimpleName() + " has no accessible canonical constructor", e);
        }
        Throwable rebuilt = construct(canonical, values);
        if (rebuilt != null) {
            fail("the default config does not pass its own checks: " + rebuilt, rebuilt);
        }
        for (int i = 0; i < components.length; i++) {
            for (Object odd : oddValues(types[i])) {
                Object[] changed = values.clone();
                changed[i] = odd;
                Throwable refused = construct(canonical, changed);
                String field = components[i].getName();
                if (refused == null) {
                    continue;
                }
                if (!(refused instanceof ConfigException c)) {
                    fail("%s = %s is refused with %s instead of a ConfigException naming '%s'", field, odd, refused, field);
                    return;
                }
                List<String> names = java.util.Arrays.stream(components).map(RecordComponent::getName).toList();
                assertThat(c.violations()).as("the violations of %s = %s name fields of %s", field, odd, type.getSimpleName())
                        .isNotEmpty().allSatisfy(v -> assertThat(names).anySatisfy(n -> assertThat(v.field()).startsWith(n)));
            }
        }
    }

    /** Values that checks commonly refuse, for a component of type {@code type}; none for other types. */
    private static List<Object> oddValues(Class<?> type) {
        List<Object> odd = new ArrayList<>();
        if (type == double.class) {
            odd.addAll(List.of(Double.NaN, -1.0, Double.POSITIVE_INFINITY));
        } else if (type == float.class) {
            odd.addAll(List.of(Float.NaN, -1f));
        } else if (type == int.class) {
            odd.addAll(List.of(-1, Integer.MIN_VALUE));
        } else if (type == long.class) {
            odd.addAll(List.of(-1L, Long.MIN_VALUE));
        }
        return odd;
    }

    /** What the constructor threw, or null. */
    private static Throwable construct(Constructor<?> canonical, Object[] values) {
        try {
            canonical.newInstance(values);
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        } catch (ReflectiveOperationException e) {
            return e;
        }
    }
}
