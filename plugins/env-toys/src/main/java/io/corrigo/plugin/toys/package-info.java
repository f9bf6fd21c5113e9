/** Cheap CPU environments with analytic experts: the two-route obstacle task and the IBC particle task. */
package io.corrigo.plugin.toys;
