/**
 * CLIC: learning from corrective feedback by supervising with desired action sets instead of action
 * labels (Li, Pérez-Dattari, Babuska, Della Santina, Kober, "From Action Labels to Sets: Rethinking
 * Action Supervision for Imitation Learning from Corrective Feedback", https://arxiv.org/abs/2502.07645;
 * code https://github.com/clic-webpage/CLIC). Learners {@code clic-half}, {@code clic-circular}
 * (energy-based) and {@code clic-explicit}.
 */
package io.corrigo.plugin.clic;
