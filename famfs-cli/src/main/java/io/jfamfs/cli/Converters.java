package io.jfamfs.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters for the reference's number syntaxes (see {@link Numbers}). */
final class Converters {
    private Converters() {
    }

    /** A size with an optional k/m/g suffix, base 0: {@code 4096}, {@code 0x1000}, {@code 2m}. */
    static final class Size implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return Numbers.parseSize(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A base-0 integer: {@code 17}, {@code 0x11}, {@code 021}; may be negative. */
    static final class Base0 implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return Numbers.parseLong(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A base-0 int (uid, gid, counts); rejects values outside the int range. */
    static final class Base0Int implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                long v = Numbers.parseLong(value);
                if (v != (int) v) {
                    throw new TypeConversionException("out of range: '" + value + "'");
                }
                return (int) v;
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** An octal permission mode: {@code 644}, {@code 0600}. */
    static final class Mode implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                return Numbers.parseMode(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
