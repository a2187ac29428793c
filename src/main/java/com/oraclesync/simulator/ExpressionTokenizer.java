package com.oraclesync.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits a version-2 {@code q} expression into tokens, remembering where each starts for error messages. */
final class ExpressionTokenizer {

    enum Type { WORD, STRING, NUMBER, OPERATOR, OPEN, CLOSE, COMMA, END }

    record Token(Type type, String text, int position) {
        boolean isKeyword(String keyword) {
            return type == Type.WORD && text.toUpperCase(Locale.ROOT).equals(keyword);
        }

        String describe() {
            return type == Type.END ? "the end of q" : "'" + text + "' at position " + position;
        }
    }

    private ExpressionTokenizer() {
    }

    static List<Token> tokenize(String q) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',') {
                tokens.add(new Token(c == '(' ? Type.OPEN : c == ')' ? Type.CLOSE : Type.COMMA, String.valueOf(c), i++));
            } else if (c == '\'') {
                StringBuilder text = new StringBuilder();
                i++;
                while (true) {
                    if (i >= q.length()) {
                        throw new QueryException("Malformed q: unterminated string starting at position " + start);
                    }
                    if (q.charAt(i) == '\'') {
                        if (i + 1 < q.length() && q.charAt(i + 1) == '\'') {
                            text.append('\'');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    text.append(q.charAt(i++));
                }
                tokens.add(new Token(Type.STRING, text.toString(), start));
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < q.length() && Character.isDigit(q.charAt(i + 1)))) {
                i++;
                while (i < q.length() && (Character.isDigit(q.charAt(i)) || q.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Type.NUMBER, q.substring(start, i), start));
            } else if (Character.isLetter(c) || c == '_') {
                while (i < q.length() && (Character.isLetterOrDigit(q.charAt(i)) || q.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Type.WORD, q.substring(start, i), start));
            } else if ("=!<>".indexOf(c) >= 0) {
                String two = i + 1 < q.length() ? q.substring(i, i + 2) : "";
                String symbol = List.of(">=", "<=", "!=", "<>").contains(two) ? two : String.valueOf(c);
                if (symbol.equals("!")) {
                    throw new QueryException("Malformed q: unexpected '!' at position " + i);
                }
                tokens.add(new Token(Type.OPERATOR, symbol, i));
                i += symbol.length();
            } else {
                throw new QueryException("Malformed q: unexpected '" + c + "' at position " + i);
            }
        }
        tokens.add(new Token(Type.END, "", q.length()));
        return tokens;
    }
}
