/** The seekable pseudo-random data pattern shared by {@code famfs creat -r} and {@code famfs verify}. */
package io.jfamfs.cli.pattern;
