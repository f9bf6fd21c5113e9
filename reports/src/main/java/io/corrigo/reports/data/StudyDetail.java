package io.corrigo.reports.data;

import java.util.List;

/**
 * A study run in full.
 *
 * @param study        the listing row
 * @param source       the study file as the user named it
 * @param specYaml     the study file's text
 * @param manifestJson the manifest (resolved spec, bundles, versions, seeds)
 * @param environments environment labels in study order
 * @param feedback     feedback condition labels in study order
 * @param learners     learner labels in study order
 * @param seeds        the seeds
 * @param episodes     training episodes per trial
 */
public record StudyDetail(StudyRow study, String source, String specYaml, String manifestJson, List<String> environments,
                          List<String> feedback, List<String> learners, List<Long> seeds, int episodes) {

    public StudyDetail {
        environments = List.copyOf(environments);
        feedback = List.copyOf(feedback);
        learners = List.copyOf(learners);
        seeds = List.copyOf(seeds);
    }
}
