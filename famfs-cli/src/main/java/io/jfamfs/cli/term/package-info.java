/** Terminal output: whether a stream is a terminal, and a progress bar shown only there. */
package io.jfamfs.cli.term;
