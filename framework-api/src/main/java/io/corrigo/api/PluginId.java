package io.corrigo.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type that names a plugin: {@code @PluginId("clic-half")} on a provider
 * component becomes the service property {@code corrigo.plugin.id=clic-half}, so the host can list
 * plugins without activating them. Ids match {@code [a-z0-9]+(-[a-z0-9]+)*}.
 *
 * @since 1.0
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface PluginId {

    /** Prefix of the generated property name. */
    String PREFIX_ = "corrigo.";

    /** The service property that carries a plugin's id. */
    String PROPERTY = "corrigo.plugin.id";

    /** Pattern every plugin id matches. */
    String PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";

    /** The plugin's id, unique per kind. */
    String value();
}
