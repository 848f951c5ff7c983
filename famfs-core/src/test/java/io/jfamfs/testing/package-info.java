/**
 * Test fixtures shared with the other modules through famfs-core's test-jar: the golden images
 * written by the reference famfs, their manifests, and the small JSON reader that parses them.
 */
package io.jfamfs.testing;
