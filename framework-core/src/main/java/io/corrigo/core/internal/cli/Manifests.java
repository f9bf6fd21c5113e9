package io.corrigo.core.internal.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.corrigo.api.run.ComputeDevice;
import io.corrigo.core.internal.djl.DjlRuntime;
import io.corrigo.core.internal.plugin.PluginCatalog;
import io.corrigo.core.internal.plugin.PluginKind;
import io.corrigo.core.internal.run.TrialRunner;
import io.corrigo.core.internal.spec.PluginEntry;
import io.corrigo.core.internal.spec.StudySpec;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Builds a run's manifest: the resolved study (defaults filled, device resolved), the bundle and
 * version behind every plugin, DJL/PyTorch/JDK versions, the git revision and the seeding rules.
 */
final class Manifests {

    private final ObjectMapper mapper;
    private final HostPaths paths;

    @Inject
    Manifests(ObjectMapper mapper, HostPaths paths) {
        this.mapper = mapper;
        this.paths = paths;
    }

    String build(StudySpec spec, ComputeDevice device, PluginCatalog catalog, int workers) {
        ObjectNode m = mapper.createObjectNode();
        m.put("corrigo", corrigoVersion());
        m.put("createdAt", Instant.now().toString());
        ObjectNode study = m.putObject("study");
        study.put("name", spec.name());
        study.put("source", spec.source());
        study.put("description", spec.description());
        study.set("overrides", mapper.valueToTree(spec.overrides()));
        ObjectNode resolved = m.putObject("resolved");
        resolved.set("seeds", mapper.valueToTree(spec.seeds()));
        resolved.put("deviceRequested", spec.device());
        resolved.put("device", device.toString());
        resolved.set("budget", mapper.valueToTree(spec.budget()));
        resolved.set("demonstrations", mapper.valueToTree(spec.demonstrations()));
        resolved.put("protocol", spec.protocol());
        resolved.set("deviations", mapper.valueToTree(spec.protocolSettings()));
        resolved.set("environments", entries(spec.environments(), catalog));
        resolved.set("feedback", entries(spec.feedback(), catalog));
        resolved.set("learners", entries(spec.learners(), catalog));
        ObjectNode seeding = m.putObject("seeding");
        seeding.put("trainingEpisode", "reset seed = Seeds.derive(trialSeed, \"episode-\" + episode)");
        seeding.put("evaluation", "reset seed = " + TrialRunner.EVALUATION_SEED_BASE + " + j for rollout j, at every evaluation point");
        seeding.put("pluginStreams", "RunContext.random(name) = SplittableRandom(Seeds.derive(trialSeed, name))");
        ObjectNode runtime = m.putObject("runtime");
        runtime.put("jdk", Runtime.version().toString());
        runtime.put("jdkVendor", System.getProperty("java.vendor"));
        runtime.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        runtime.put("cores", Runtime.getRuntime().availableProcessors());
        runtime.put("workers", workers);
        DjlRuntime.versions().forEach(runtime::put);
        ObjectNode git = m.putObject("git");
        git.put("revision", git("rev-parse", "HEAD"));
        git.put("dirty", !git("status", "--porcelain", "--untracked-files=no").isEmpty());
        return m.toPrettyString();
    }

    private ArrayNode entries(List<PluginEntry> entries, PluginCatalog catalog) {
        ArrayNode a = mapper.createArrayNode();
        for (PluginEntry e : entries) {
            ObjectNode o = a.addObject();
            o.put("id", e.id());
            o.put("label", e.label());
            o.put("bundle", catalog.bundleOf(e.kind(), e.id(), e.bundle()).orElse("unknown"));
            if (e.kind() == PluginKind.FEEDBACK) {
                o.put("teacherQuery", e.teacherQuery().yaml());
            }
            o.set("config", mapper.valueToTree(e.config()));
        }
        return a;
    }

    private String git(String... args) {
        try {
            String[] cmd = new String[args.length + 3];
            cmd[0] = "git";
            cmd[1] = "-C";
            cmd[2] = paths.home().toString();
            System.arraycopy(args, 0, cmd, 3, args.length);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    static String corrigoVersion() {
        try (InputStream in = Manifests.class.getResourceAsStream("/META-INF/maven/io.corrigo/framework-core/pom.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
