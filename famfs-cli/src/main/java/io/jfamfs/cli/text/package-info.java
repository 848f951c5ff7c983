/**
 * Text the CLI prints for machines and other tools: a small JSON writer and the shadow-file YAML
 * of the reference's {@code famfs_fused}, byte for byte.
 */
package io.jfamfs.cli.text;
