package io.corrigo.core.internal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.corrigo.core.internal.djl.DjlRuntime;
import io.corrigo.core.internal.osgi.FelixHost;
import io.corrigo.core.internal.run.Planner;
import io.corrigo.core.internal.run.SavedPolicy;
import io.corrigo.core.internal.run.Trial;
import io.corrigo.core.internal.spec.StudySpec;
import io.corrigo.api.Action;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code corrigo act DIR}: loads a policy written by {@code corrigo export} and answers observations
 * read from standard input, one JSON line each ({@code [0.1, -0.3, …]} or {@code {"observation": […]}};
 * {@code {"reset": true}} starts a new episode), with one JSON line each: {@code {"action": […]}} or
 * {@code {"error": "…"}}. Exit 0, or 2 when some line was not understood.
 */
@Command(name = "act", description = "Load a policy written by ./corrigo export and act on observations read from"
        + " standard input as JSON lines.", mixinStandardHelpOptions = true)
final class ActCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "A folder written by ./corrigo export.")
    Path dir;

    @Mixin
    HostOptions host;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode d = readDescription(json);
        String key = d.path("trial").asText();
        List<String> overrides = new ArrayList<>();
        d.path("overrides").forEach(o -> overrides.add(o.asText()));
        DjlRuntime.configure();
        HostPaths paths = host.paths();
        try (FelixHost felix = Hosts.start(paths)) {
            StudySpec study = Hosts.loader(felix.catalog()).loadText(d.path("source").asText("study.yaml"),
                    Files.readString(dir.resolve(ExportCommand.STUDY), StandardCharsets.UTF_8), overrides);
            Trial trial = Planner.plan(study).stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow(() ->
                    new UserInputException(dir.resolve(ExportCommand.DESCRIPTION) + ": the study in " + ExportCommand.STUDY
                            + " has no trial '" + key + "' with the plugins installed now"));
            Path work = Files.createTempDirectory("corrigo-act");
            try (SavedPolicy policy = SavedPolicy.open(felix.catalog(), trial, dir.resolve(ExportCommand.STATE), work)) {
                System.err.printf("Acting as learner '%s' of trial %s: one observation of %d numbers per line,"
                        + " {\"reset\": true} starts a new episode; end with Ctrl-D.%n", trial.learner().label(), key,
                        policy.observationSize());
                return answer(policy, json, spec.commandLine().getOut());
            }
        }
    }

    private int answer(SavedPolicy policy, ObjectMapper json, PrintWriter out) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        boolean invalid = false;
        int lineNumber = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            ObjectNode reply = json.createObjectNode();
            try {
                JsonNode node = json.readTree(line);
                if (node.isObject() && node.path("reset").asBoolean(false)) {
                    policy.startRollout();
                    reply.put("reset", true);
                } else {
                    Action a = policy.act(numbers(node.isObject() ? node.path("observation") : node));
                    ArrayNode values = reply.putArray("action");
                    for (float v : a.toArray()) {
                        values.add(v);
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                invalid = true;
                reply.put("error", "line " + lineNumber + ": " + e.getMessage().lines().findFirst().orElse("")
                        + " (expected [numbers], {\"observation\": [numbers]} or {\"reset\": true})");
            }
            out.println(reply);
            out.flush();
        }
        return invalid ? ExitCodes.INVALID_INPUT : ExitCodes.OK;
    }

    private static float[] numbers(JsonNode node) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("not a list of numbers");
        }
        float[] v = new float[node.size()];
        for (int i = 0; i < v.length; i++) {
            if (!node.get(i).isNumber()) {
                throw new IllegalArgumentException("element " + i + " is not a number");
            }
            v[i] = node.get(i).floatValue();
        }
        return v;
    }

    private JsonNode readDescription(ObjectMapper json) {
        Path file = dir.resolve(ExportCommand.DESCRIPTION);
        if (!Files.isRegularFile(file) || !Files.isDirectory(dir.resolve(ExportCommand.STATE))) {
            throw new UserInputException(dir + " is not a folder written by ./corrigo export (no " + ExportCommand.DESCRIPTION
                    + " or " + ExportCommand.STATE + "/)");
        }
        try {
            JsonNode d = json.readTree(file.toFile());
            if (d.path("format").asInt() != 1 || d.path("trial").asText().isEmpty()) {
                throw new UserInputException(file + ": unknown format (expected format 1 with a trial)");
            }
            return d;
        } catch (IOException e) {
            throw new UserInputException(file + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
