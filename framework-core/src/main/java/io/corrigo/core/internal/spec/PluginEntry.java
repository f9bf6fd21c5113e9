package io.corrigo.core.internal.spec;

import io.corrigo.core.internal.plugin.PluginKind;

/**
 * One entry of a study's {@code environments}, {@code feedback} or {@code learners} list, bound to
 * its plugin's configuration record (defaults filled in).
 *
 * @param kind   the section it is in
 * @param index  its position in that section
 * @param id     the plugin id
 * @param label  its name in results: the {@code label} key, or the id
 * @param config the bound configuration record
 */
public record PluginEntry(PluginKind kind, int index, String id, String label, Record config) {

    /** The config path of the entry, e.g. {@code learners[1]}. */
    public String path() {
        return kind.section() + "[" + index + "]";
    }
}
