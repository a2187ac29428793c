package com.oraclesync.simulator;

import java.util.List;
import java.util.regex.Pattern;

/** A parsed {@code q}: a condition on one stored opportunity. Both q syntaxes parse into these. */
sealed interface Filter {

    boolean matches(StoredItem record);

    enum Operator {
        EQ, NE, GT, GE, LT, LE;

        boolean holdsFor(int comparison) {
            return switch (this) {
                case EQ -> comparison == 0;
                case NE -> comparison != 0;
                case GT -> comparison > 0;
                case GE -> comparison >= 0;
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
            };
        }

        /** Whether {@code field op v} implies {@code field >= v}. */
        boolean impliesAtLeast() {
            return this == EQ || this == GT || this == GE;
        }
    }

    record Comparison(String field, Operator operator, Literal value) implements Filter {
        @Override
        public boolean matches(StoredItem record) {
            Integer c = ComparableValues.compareWithLiteral(record.comparable(field), record.value(field), value);
            return c != null && operator.holdsFor(c);
        }
    }

    record Like(String field, Pattern regex) implements Filter {
        /** Oracle's LIKE: {@code %} matches any run of characters, {@code _} one character. */
        static Like of(String field, String likePattern) {
            StringBuilder regex = new StringBuilder();
            StringBuilder literal = new StringBuilder();
            for (char c : likePattern.toCharArray()) {
                if (c == '%' || c == '_') {
                    regex.append(Pattern.quote(literal.toString())).append(c == '%' ? ".*" : ".");
                    literal.setLength(0);
                } else {
                    literal.append(c);
                }
            }
            regex.append(Pattern.quote(literal.toString()));
            return new Like(field, Pattern.compile(regex.toString(), Pattern.DOTALL));
        }

        @Override
        public boolean matches(StoredItem record) {
            Object raw = record.value(field);
            return raw != null && regex.matcher(ComparableValues.text(raw)).matches();
        }
    }

    record NullCheck(String field, boolean wantsNull) implements Filter {
        @Override
        public boolean matches(StoredItem record) {
            return (record.value(field) == null) == wantsNull;
        }
    }

    record In(String field, List<Literal> values) implements Filter {
        @Override
        public boolean matches(StoredItem record) {
            Object comparable = record.comparable(field);
            Object raw = record.value(field);
            for (Literal value : values) {
                Integer c = ComparableValues.compareWithLiteral(comparable, raw, value);
                if (c != null && c == 0) {
                    return true;
                }
            }
            return false;
        }
    }

    record And(List<Filter> parts) implements Filter {
        @Override
        public boolean matches(StoredItem record) {
            for (Filter part : parts) {
                if (!part.matches(record)) {
                    return false;
                }
            }
            return true;
        }
    }

    record Or(List<Filter> parts) implements Filter {
        @Override
        public boolean matches(StoredItem record) {
            for (Filter part : parts) {
                if (part.matches(record)) {
                    return true;
                }
            }
            return false;
        }
    }
}
