/**
 * The {@code famfs} and {@code mkfs.famfs} commands: picocli classes (one per command), converters,
 * output and exit codes, as thin adapters over famfs-core's API and famfs-fuse's mount launcher.
 * Commands, flags, defaults and exit codes follow the reference famfs CLI.
 */
package io.jfamfs.cli;
