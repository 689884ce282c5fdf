/**
 * The progress port: {@link dev.pulse.platform.progress.LearnerProgress}, how one feature reads
 * learners' progress recorded by others without depending on them.
 */
package dev.pulse.platform.progress;
