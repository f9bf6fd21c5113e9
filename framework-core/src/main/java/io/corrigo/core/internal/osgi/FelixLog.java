package io.corrigo.core.internal.osgi;

import org.apache.felix.framework.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.slf4j.LoggerFactory;

/** Routes Felix's own log to SLF4J instead of standard output (which belongs to the CLI's results). */
final class FelixLog extends Logger {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger("io.corrigo.felix");

    FelixLog() {
        setLogLevel(LOG_WARNING);
    }

    @Override
    protected void doLog(Bundle bundle, ServiceReference sr, int level, String msg, Throwable throwable) {
        String text = (bundle != null ? "[" + bundle.getSymbolicName() + "] " : "") + msg;
        switch (level) {
            case LOG_ERROR -> LOG.error(text, throwable);
            case LOG_WARNING -> LOG.warn(text, throwable);
            default -> LOG.debug(text, throwable);
        }
    }
}
