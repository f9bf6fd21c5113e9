/**
 * The live report site: a Vert.x server with a JSON/CSV API, Server-Sent Events fed by the host's
 * {@link io.corrigo.reports.data.LiveFeed}, plain HTML/JS pages drawing with Chart.js from its WebJar,
 * and a static, self-contained copy of a study page. Public: {@link io.corrigo.reports.site.ReportServer}
 * and {@link io.corrigo.reports.site.StaticReport}; everything else is package-private.
 */
package io.corrigo.reports.site;
